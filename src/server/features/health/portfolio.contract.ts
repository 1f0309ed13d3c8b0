import { z } from 'zod';
import { pyramidLevel, stage } from '../relationships/relationships.contract';
import { healthRisk } from './health.contract';

const relationshipRef = z.object({
  id: z.string(),
  clientName: z.string(),
  teamName: z.string(),
  stage,
  pyramidLevel,
});

export const portfolio = z.object({
  today: z.string(),
  active: z
    .number()
    .int()
    .describe('Active relationships (the grid, distribution and lists count only these)'),
  grid: z
    .array(z.object({ stage, pyramidLevel, count: z.number().int() }))
    .describe('Active relationships by stage and pyramid level (cells with none are left out)'),
  distribution: z
    .array(z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int() }))
    .describe('Active relationships by health score, in five bands of 20'),
  unscored: z.number().int().describe('Active relationships with no health score yet'),
  risks: z
    .array(
      z.object({
        relationship: relationshipRef,
        score: z.number().int().nullable(),
        risks: z.array(healthRisk),
      }),
    )
    .describe('The early-warning list: the active relationships most at risk first (at most 10)'),
  atRisk: z.number().int().describe('How many active relationships carry at least one risk flag'),
  overdue: z.object({
    count: z.number().int(),
    items: z.array(
      z.object({ relationship: relationshipRef, due: z.string(), daysOverdue: z.number().int() }),
    ),
  }),
  upcoming: z.object({
    count: z.number().int(),
    items: z.array(z.object({ relationship: relationshipRef, due: z.string(), inDays: z.number().int() })),
  }),
  movements: z.object({
    up: z.number().int(),
    down: z.number().int(),
    items: z.array(
      z.object({
        assessmentId: z.string(),
        relationship: relationshipRef,
        on: z.string(),
        fromStage: stage.nullable(),
        toStage: stage,
        fromLevel: pyramidLevel.nullable(),
        toLevel: pyramidLevel,
        direction: z.enum(['up', 'down', 'level']),
        note: z.string(),
      }),
    ),
  }),
});

export type Portfolio = z.infer<typeof portfolio>;
export type PortfolioRelationship = z.infer<typeof relationshipRef>;
