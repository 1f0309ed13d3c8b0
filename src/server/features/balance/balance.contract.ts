import { z } from 'zod';
import { id, pageQuery } from '../../platform/common.contract';
import { timeKind } from '../time/time.contract';

export const evidenceTypes = [
  'relationship',
  'assessment',
  'experiment',
  'reflection',
  'time',
  'checkIn',
  'topic',
  'pulse',
] as const;
export const partKeys = [
  'progression',
  'checkIns',
  'clientTopics',
  'clientPulse',
  'time',
  'experiments',
  'reflections',
  'teamPulse',
] as const;

export const evidence = z.object({
  type: z.enum(evidenceTypes),
  id: z
    .string()
    .nullable()
    .describe('The record; null for time, whose records are the entries `time` filters'),
  label: z.string(),
  on: z.string().nullable(),
  relationshipId: z.string().nullable(),
  time: z
    .object({ from: z.string(), to: z.string(), kinds: z.array(timeKind), hours: z.number() })
    .nullable()
    .describe('For time: list the entries with these filters (and the scope’s teamId) to see every one'),
});

export const balancePart = z.object({
  key: z.enum(partKeys),
  label: z.string(),
  score: z.number().int().nullable().describe('0–100; null when there is no data (then it is left out)'),
  weight: z.number(),
  explanation: z.string(),
  evidence: z
    .array(evidence)
    .describe(
      'The records behind the score (the first 50); empty for a month whose evidence was not asked for',
    ),
  evidenceTotal: z.number().int(),
});

export const monthBalance = z.object({
  month: z.string().describe('YYYY-MM'),
  from: z.string().describe('The window the parts look at: from the start of two months before…'),
  to: z.string().describe('…to the end of this month, or today'),
  index: z.number().int().nullable().describe('Weighted mean of the parts with data, 0–100'),
  parts: z.array(balancePart),
});

export const balanceFlag = z.object({
  key: z.enum(['outwardOnly', 'inwardOnly']),
  teamId: id.nullable().describe('null for the workspace as a whole'),
  teamName: z.string(),
  message: z.string(),
  outwardChange: z.number().int(),
  inwardChange: z.number().int(),
  evidence: z.array(evidence),
});

export const balance = z.object({
  scope: z.object({ teamId: id.nullable(), name: z.string() }),
  months: z.array(z.string()),
  outward: z.array(monthBalance),
  inward: z.array(monthBalance),
  flags: z
    .array(balanceFlag)
    .describe('For a team, its own; for the workspace, every team’s and the workspace’s own'),
});

const monthOrDay = z
  .string()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/,
    'must be a month (YYYY-MM) or a day (YYYY-MM-DD)',
  )
  .refine((v) => v >= '2000' && v < '2100', 'must be between 2000 and 2099');

export const balanceRange = z.object({
  from: monthOrDay
    .optional()
    .describe('First month (a day means its month); defaults to 11 months before `to`'),
  to: monthOrDay.optional().describe('Last month; defaults to this month. At most 36 months in all'),
});

export const balanceQuery = balanceRange.extend({
  teamId: id.optional().describe('One team; the whole workspace when absent'),
  evidence: z
    .enum(['latest', 'all'])
    .default('latest')
    .describe(
      "Whose parts list their records: the last month's (default; an earlier month's come with `from` and `to` set to it) or every month's",
    ),
});

export const teamBalance = z.object({
  team: z.object({ id, name: z.string() }),
  month: z.string().describe('The last month of the range, which these numbers are for'),
  outward: z.number().int().nullable(),
  inward: z.number().int().nullable(),
  outwardChange: z.number().int().nullable().describe('Change over the last three months'),
  inwardChange: z.number().int().nullable(),
  flags: z.array(balanceFlag),
});

export const teamBalanceQuery = pageQuery.extend(balanceRange.shape);

export type Evidence = z.infer<typeof evidence>;
export type BalancePart = z.infer<typeof balancePart>;
export type MonthBalance = z.infer<typeof monthBalance>;
export type BalanceFlag = z.infer<typeof balanceFlag>;
export type Balance = z.infer<typeof balance>;
export type BalanceQuery = z.infer<typeof balanceQuery>;
export type BalanceRange = z.infer<typeof balanceRange>;
export type TeamBalance = z.infer<typeof teamBalance>;
export type TeamBalanceQuery = z.infer<typeof teamBalanceQuery>;
