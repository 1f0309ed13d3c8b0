import Papa from 'papaparse';
import type { TimeEntry } from './time.contract';

/** The export's columns, in the order a spreadsheet shows them. */
const columns = ['date', 'member', 'client', 'team', 'kind', 'hours', 'note', 'id'] as const;

/** Time entries as CSV; cells that a spreadsheet would run as a formula are escaped. */
export function timeEntriesCsv(entries: TimeEntry[]): string {
  return Papa.unparse(
    {
      fields: [...columns],
      data: entries.map((e) => [
        e.date,
        e.member.name,
        e.relationship?.clientName ?? '',
        e.team?.name ?? '',
        e.kind,
        e.hours,
        e.note ?? '',
        e.id,
      ]),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}
