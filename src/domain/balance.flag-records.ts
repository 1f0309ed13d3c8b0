// Which records a balance's flags show that its input may not carry yet. Every input carries the inward
// records (time, experiments, reflections, team pulses); the outward ones (assessments, check-ins, topics,
// client pulse rounds) are read only for the months and scopes that show them (the server's evidence read).
import type { Balance, BalanceInput } from './balance';
import { MAX_EVIDENCE } from './balance.parts';
import { standingsOn } from './balance.standings';

/**
 * What a balance's flags need read before they can show their evidence, given the balance computed without
 * records:
 * - `none`: no flag shows outward records. An outward-only flag shows the inward parts' records, which every
 *   input carries.
 * - `progression`: an inward-only flag shows the first MAX_EVIDENCE records of the outward parts, and
 *   progression comes first. Once MAX_EVIDENCE relationships have started by the window's end, progression
 *   lists that many itself (its latest moves, then where the first relationships to start stand), so the
 *   check-ins, topics and client pulse rounds after it are never shown. Only the relationships and their
 *   assessments are needed.
 * - `outward`: every outward record of the last month.
 */
export function recordsFlagsShow(b: Balance, input: BalanceInput): 'none' | 'progression' | 'outward' {
  if (!b.flags.some((f) => f.key === 'inwardOnly')) return 'none';
  const last = b.outward.at(-1);
  const progression = last?.parts.find((p) => p.key === 'progression');
  if (last && progression?.score != null && standingsOn(input, last.to).count >= MAX_EVIDENCE)
    return 'progression';
  return 'outward';
}
