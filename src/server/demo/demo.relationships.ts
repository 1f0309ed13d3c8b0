import type { PyramidLevel, RelationshipStatus, Stage } from '../features/relationships/relationships.table';
import { growingRelationships } from './demo.growing';
import { internalRelationships } from './demo.internal';
import type { ClientKey, PersonKey, ServiceKey, TeamKey } from './demo.org';
import { steadyRelationships } from './demo.steady';

// The demo studio's relationships, written as its partners would write them. Days are counted back from today;
// the current stage and pyramid level are those of the last assessment.

export type AssessmentSeed = {
  daysAgo: number;
  stage: Stage;
  level: PyramidLevel;
  by: PersonKey;
  note: string;
};

export type ImmersionSeed = { daysAgo: number; by: PersonKey; summary: string; discoveries: string };

export type RelationshipSeed = {
  client: ClientKey;
  team: TeamKey;
  services: ServiceKey[];
  owner: PersonKey;
  /** Who logs the touchpoints. */
  crew: PersonKey[];
  cadenceDays: number;
  ambition: string;
  status: RelationshipStatus;
  startedDaysAgo: number;
  /** Paused relationships go quiet: no touchpoints after this. */
  quietSinceDaysAgo?: number;
  lastCheckInDaysAgo: number;
  /** Share of check-ins that did not happen (moved, cancelled). */
  missedCheckIns: number;
  /** Days ago since which no check-in was missed any more (the team got into the habit). */
  missesEndedDaysAgo?: number;
  /** Everyday touchpoints per month, and how that changes over the year (-1 fading … +1 growing). */
  perMonth: number;
  trend: number;
  /** Share of everyday touchpoints the client starts; 0 means only the provider speaks. */
  clientShare: number;
  /** Share of everyday touchpoints visible to the client. */
  sharedShare: number;
  topics: string[];
  deliverables: string[];
  /** How this relationship's check-ins tend to go, when not like the usual partner conversation. */
  checkIns?: string[];
  assessments: AssessmentSeed[];
  immersions: ImmersionSeed[];
};

export const relationshipSeeds: RelationshipSeed[] = [
  ...growingRelationships,
  ...steadyRelationships,
  ...internalRelationships,
];
