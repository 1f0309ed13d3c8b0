// Pulse rounds as health and the balance read them. The pulses feature owns this file; until it lands, no
// relationship or team has a round yet, so health shows "no data" for both pulse components.
import type { Db } from '../../db/open';

/** One pulse round as seen from one relationship or one team; oldest first. */
export type PulseRound = {
  pulseId: string;
  title: string;
  closesOn: string;
  responses: number;
  average: number | null;
};

/** Client pulse rounds per relationship: averages over that relationship's contacts' answers. */
export async function clientPulseRounds(
  _db: Db,
  _workspaceId: string,
  _relationshipIds: readonly string[],
): Promise<Map<string, PulseRound[]>> {
  return new Map();
}

/** Employee pulse rounds per team (anonymous; average null below 3 answers). */
export async function teamPulseRounds(
  _db: Db,
  _workspaceId: string,
  _teamIds: readonly string[],
): Promise<Map<string, PulseRound[]>> {
  return new Map();
}
