import { and, desc, eq, sql } from 'drizzle-orm';
import { ANONYMITY_THRESHOLD, movesTogether, summarize } from '../../../domain/pulse';
import type { Db } from '../../db/open';
import { AppError } from '../../platform/errors';
import { services } from '../services/services.table';
import { teams } from '../teams/teams.table';
import { clientPulseRounds, clientRoundsOfTeam, roundsOf, teamPulseRounds } from './pulse-series';
import type { PulseResults, PulseTrend, TeamPulses } from './pulses.contract';
import { SECOND_QUESTION } from './pulses.questions';
import { answersOf, pulseRow } from './pulses.store';
import { pulseRecipients, pulses } from './pulses.table';

/** Average, distribution and comments of one round; an anonymous round below 3 answers shows only its count. */
export async function pulseResults(db: Db, workspaceId: string, pulseId: string): Promise<PulseResults> {
  const round = await pulseRow(db, workspaceId, pulseId);
  const [answers, [invited]] = await Promise.all([
    answersOf(db, workspaceId, pulseId),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(pulseRecipients)
      .where(and(eq(pulseRecipients.workspaceId, workspaceId), eq(pulseRecipients.pulseId, pulseId))),
  ]);
  const anonymous = round.kind === 'employee';
  const hidden = anonymous && answers.length < ANONYMITY_THRESHOLD;
  const first = summarize(answers.map((a) => a.score));
  const secondScores = answers.map((a) => a.secondScore).filter((s): s is number => s !== null);
  const second = summarize(secondScores);
  return {
    responses: answers.length,
    invited: invited?.n ?? 0,
    hidden,
    average: hidden ? null : first.average,
    distribution: hidden ? null : first.distribution,
    comments: hidden
      ? []
      : answers
          .filter((a) => a.comment)
          .map((a) => ({
            text: a.comment!,
            from: anonymous ? null : (a.from ?? null),
            relationshipId: a.relationshipId,
          })),
    second: anonymous
      ? {
          question: SECOND_QUESTION,
          average: hidden ? null : second.average,
          distribution: hidden ? null : second.distribution,
        }
      : null,
  };
}

const LATEST = 24;

/**
 * The rounds with the same kind and target as this one, oldest first (the latest 24). A client round about a
 * relationship also counts the team-wide client rounds that asked its contacts (through the series).
 */
export async function pulseTrend(db: Db, workspaceId: string, pulseId: string): Promise<PulseTrend> {
  const round = await pulseRow(db, workspaceId, pulseId);
  if (round.kind === 'client' && round.relationshipId) {
    const m = await clientPulseRounds(db, workspaceId, [round.relationshipId]);
    return { rounds: (m.get(round.relationshipId) ?? []).slice(-LATEST) };
  }
  const same = await db
    .select({ id: pulses.id })
    .from(pulses)
    .where(
      and(
        eq(pulses.workspaceId, workspaceId),
        eq(pulses.kind, round.kind),
        round.serviceId ? eq(pulses.serviceId, round.serviceId) : eq(pulses.teamId, round.teamId!),
        round.kind === 'service' && !round.teamId ? sql`${pulses.teamId} is null` : undefined,
        round.kind === 'client' ? sql`${pulses.relationshipId} is null` : undefined,
      ),
    )
    .orderBy(desc(pulses.closesOn))
    .limit(LATEST);
  return {
    rounds: await roundsOf(
      db,
      workspaceId,
      same.map((s) => s.id),
      round.kind === 'employee',
    ),
  };
}

/** A team's own pulse beside its clients' pulse over time, and whether they move together. */
export async function teamPulses(db: Db, workspaceId: string, teamId: string): Promise<TeamPulses> {
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
  if (!team) throw AppError.notFound('Team');
  const [employee, client] = await Promise.all([
    teamPulseRounds(db, workspaceId, [teamId]).then((m) => m.get(teamId) ?? []),
    clientRoundsOfTeam(db, workspaceId, teamId),
  ]);
  return { employee, client, together: movesTogether(employee, client) };
}

/** Colleagues' ratings of one internal service, round by round. */
export async function servicePulses(db: Db, workspaceId: string, serviceId: string): Promise<PulseTrend> {
  const [service] = await db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.workspaceId, workspaceId), eq(services.id, serviceId)));
  if (!service) throw AppError.notFound('Service');
  const rows = await db
    .select({ id: pulses.id })
    .from(pulses)
    .where(and(eq(pulses.workspaceId, workspaceId), eq(pulses.serviceId, serviceId)))
    .orderBy(desc(pulses.closesOn))
    .limit(LATEST);
  return {
    rounds: await roundsOf(
      db,
      workspaceId,
      rows.map((r) => r.id),
      false,
    ),
  };
}
