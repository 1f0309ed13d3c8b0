import { z } from 'zod';
import { id, longText, name, pageQuery, timestamp } from '../../platform/common.contract';
import { day } from '../time/time.contract';

export const experimentStatuses = ['planned', 'running', 'concluded', 'stopped'] as const;
export const experimentStatus = z
  .enum(experimentStatuses, { error: `must be one of ${experimentStatuses.join(', ')}` })
  .describe('planned → running → concluded | stopped (a planned experiment may also be stopped)');

const protectedHours = z
  .number({ error: 'must be a number of hours' })
  .gt(0, 'must be more than 0')
  .max(10_000, 'must be at most 10,000 hours')
  .refine((h) => Math.abs(h * 100 - Math.round(h * 100)) < 1e-6, 'must have at most two decimals')
  .describe('The time budget protected for the experiment, in hours');

const hypothesis = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required: what do you expect to learn or change?')
  .max(20_000, 'must be at most 20,000 characters');

export const experimentInput = z.object({
  relationshipId: id,
  teamId: id.describe('The curious team running it'),
  title: name,
  hypothesis,
  protectedHours,
  safety: longText.nullish().describe('The safety it is given: what may fail without consequence'),
  commitment: longText.nullish().describe('The commitment it is given: who backs it, and with what'),
  startsOn: day,
  endsOn: day.describe('On or after startsOn'),
});

export const experimentPatch = z.object({
  status: experimentStatus.optional(),
  learningsOutward: longText.nullish().describe('What was learned with the client'),
  learningsInward: longText.nullish().describe('What was learned about ourselves'),
  title: name.optional(),
  hypothesis: hypothesis.optional(),
  protectedHours: protectedHours.optional(),
  safety: longText.nullish(),
  commitment: longText.nullish(),
  startsOn: day.optional(),
  endsOn: day.optional(),
});

const ref = z.object({ id, name: z.string() });

export const experiment = z.object({
  id,
  relationshipId: id,
  relationship: z.object({ id, clientName: z.string() }),
  teamId: id,
  team: ref,
  title: z.string(),
  hypothesis: z.string(),
  protectedHours: z.number(),
  usedHours: z
    .number()
    .describe(
      'Partnership + learning hours logged on its relationship for its team between startsOn and endsOn (both included)',
    ),
  safety: z.string().nullable(),
  commitment: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: experimentStatus,
  startedAt: timestamp.nullable().describe('When it began running'),
  endedAt: timestamp.nullable().describe('When it was concluded or stopped'),
  learningsOutward: z.string().nullable(),
  learningsInward: z.string().nullable(),
  createdBy: ref.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const experimentListQuery = pageQuery.extend({
  status: experimentStatus.optional(),
  teamId: id.optional(),
  relationshipId: id.optional(),
});

export type ExperimentStatus = z.infer<typeof experimentStatus>;
export type Experiment = z.infer<typeof experiment>;
export type ExperimentInput = z.infer<typeof experimentInput>;
export type ExperimentPatch = z.infer<typeof experimentPatch>;
export type ExperimentListQuery = z.infer<typeof experimentListQuery>;
