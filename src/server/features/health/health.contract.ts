import { z } from 'zod';
import { isoDate, timestamp } from '../../platform/common.contract';

export const componentKeys = ['cadence', 'twoWay', 'clientPulse', 'momentum', 'teamPulse'] as const;
export const evidenceKinds = ['touchpoint', 'checkIn', 'topic', 'experiment', 'pulse', 'assessment'] as const;
export const riskKeys = [
  'checkInOverdue',
  'oneSided',
  'clientPulseFalling',
  'clientPulseLow',
  'stalled',
  'teamPulseLow',
  'stuck',
] as const;

export const healthEvidence = z.object({
  kind: z.enum(evidenceKinds),
  id: z.string(),
  label: z.string(),
  on: z.string().describe('The day the record counts on (YYYY-MM-DD)'),
  relationshipId: z.string().describe('The relationship the record belongs to (for its link)'),
});

export const healthComponent = z.object({
  key: z.enum(componentKeys),
  label: z.string(),
  score: z
    .number()
    .int()
    .nullable()
    .describe('0–100, or null when there is no data (then it does not count)'),
  weight: z.number().int().describe('Its weight when it has data; the score renormalises over those that do'),
  explanation: z.string(),
  evidence: z.array(healthEvidence).describe('The records behind the number (at most 30)'),
});

export const healthRisk = z.object({ key: z.enum(riskKeys), message: z.string() });

export const health = z.object({
  relationshipId: z.string(),
  score: z.number().int().nullable().describe('0–100; null when no component has data'),
  components: z.array(healthComponent),
  risks: z.array(healthRisk),
  computedAt: timestamp,
});

export const healthHistoryQuery = z.object({
  from: isoDate.optional().describe('First day (default 180 days before to)'),
  to: isoDate.optional().describe('Last day (default today)'),
});

export const healthPoint = z.object({
  day: z.string(),
  score: z.number().int().nullable(),
  components: z.array(z.object({ key: z.enum(componentKeys), score: z.number().int().nullable() })),
});

export const healthHistory = z.object({
  relationshipId: z.string(),
  from: z.string(),
  to: z.string(),
  points: z.array(healthPoint).describe('One per day with a snapshot, oldest first'),
});

export type Health = z.infer<typeof health>;
export type HealthComponent = z.infer<typeof healthComponent>;
export type HealthEvidence = z.infer<typeof healthEvidence>;
export type HealthRisk = z.infer<typeof healthRisk>;
export type HealthHistory = z.infer<typeof healthHistory>;
export type HealthHistoryQuery = z.infer<typeof healthHistoryQuery>;
