import { z } from 'zod';
import { id, isoDate, pageQuery, shortText, timestamp } from '../../platform/common.contract';

export const timeKinds = ['billable', 'partnership', 'learning', 'internal'] as const;
export const timeKind = z
  .enum(timeKinds, { error: `must be one of ${timeKinds.join(', ')}` })
  .describe(
    'billable: client work charged; partnership: discovery, co-creation, check-ins; learning; internal: everything else',
  );

/** A calendar day within this century: the database's date range is wider than any real time sheet. */
export const day = isoDate.refine(
  (d) => d >= '2000-01-01' && d <= '2099-12-31',
  'must be between 2000 and 2099',
);

export const hours = z
  .number({ error: 'must be a number of hours' })
  .gt(0, 'must be more than 0')
  .max(24, 'must be at most 24 hours a day')
  .refine((h) => Math.abs(h * 100 - Math.round(h * 100)) < 1e-6, 'must have at most two decimals')
  .describe('Hours, e.g. 1.5; up to two decimals');

export const timeEntryInput = z.object({
  memberId: id
    .optional()
    .describe('Whose hours; defaults to the caller. Only admins log time for someone else'),
  relationshipId: id.nullish(),
  teamId: id
    .nullish()
    .describe(
      "The team the hours were for; defaults to the relationship's team. Team views and the balance read this",
    ),
  date: day,
  hours,
  kind: timeKind,
  note: shortText.nullish(),
});
export const timeEntryPatch = timeEntryInput.partial();

const ref = z.object({ id, name: z.string() });

export const timeEntry = z.object({
  id,
  memberId: id,
  member: ref,
  relationshipId: id.nullable(),
  relationship: z.object({ id, clientName: z.string() }).nullable(),
  teamId: id.nullable(),
  team: ref.nullable(),
  date: z.string().describe('YYYY-MM-DD'),
  hours: z.number(),
  kind: timeKind,
  note: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const timeFilters = z.object({
  memberId: id.optional(),
  teamId: id
    .optional()
    .describe("Entries for this team (the relationship's team, or the team named on the entry)"),
  relationshipId: id.optional(),
  from: day.optional().describe('First day, included'),
  to: day.optional().describe('Last day, included'),
  kind: timeKind.optional(),
});
export const timeEntryListQuery = pageQuery.extend(timeFilters.shape);

export const timeSummaryQuery = timeFilters.omit({ kind: true }).extend({
  groupBy: z
    .enum(['day', 'week', 'month'], { error: 'must be day, week or month' })
    .default('month')
    .describe('Periods of the series; weeks start on Monday'),
});

const byKind = z.object({
  billable: z.number(),
  partnership: z.number(),
  learning: z.number(),
  internal: z.number(),
});

/** Hours by kind per period. Utilisation is only ever given with partnership and learning time beside it. */
export const timeSummary = z.object({
  periods: z.array(
    byKind.extend({
      period: z.string().describe('The first day of the period, YYYY-MM-DD'),
      total: z.number(),
      entries: z.number().int(),
    }),
  ),
  totals: byKind.extend({
    total: z.number(),
    entries: z.number().int(),
    utilisation: z.number().describe('Billable share of all hours, 0–100'),
    partnershipShare: z.number().describe('Partnership share of all hours, 0–100'),
    learningShare: z.number().describe('Learning share of all hours, 0–100'),
  }),
});

export type TimeKind = z.infer<typeof timeKind>;
export type TimeEntry = z.infer<typeof timeEntry>;
export type TimeEntryInput = z.infer<typeof timeEntryInput>;
export type TimeEntryPatch = z.infer<typeof timeEntryPatch>;
export type TimeFilters = z.infer<typeof timeFilters>;
export type TimeEntryListQuery = z.infer<typeof timeEntryListQuery>;
export type TimeSummaryQuery = z.infer<typeof timeSummaryQuery>;
export type TimeSummary = z.infer<typeof timeSummary>;
