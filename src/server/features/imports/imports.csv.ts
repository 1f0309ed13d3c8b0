import Papa from 'papaparse';

/**
 * The file's text: UTF-8 when it is valid UTF-8, else Windows-1252 — what Excel's plain "CSV" writes on
 * Windows, so "Fernández" arrives as typed rather than as replacement characters.
 */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export type ParsedCsv = { columns: string[]; rows: Array<Record<string, string>> };

/**
 * Reads a CRM export: UTF-8 with or without a byte-order mark, `,` or `;` between fields, quoted fields
 * spanning lines. Blank lines are dropped; a header repeated or left empty gets a distinct name, so the
 * mapping can name every column.
 */
export function parseCsv(text: string): ParsedCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.indexOf('\n') === -1 ? body.length : body.indexOf('\n'));
  // Guess from the header only: a `;` file's data often holds commas (addresses, "Smith, Jane").
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const seen = new Map<string, number>();
  const result = Papa.parse<Record<string, string>>(body, {
    header: true,
    delimiter,
    skipEmptyLines: 'greedy',
    transformHeader: (h, i) => {
      const base = h.trim() || `Column ${i + 1}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return n === 1 ? base : `${base} (${n})`;
    },
  });
  return { columns: result.meta.fields ?? [], rows: result.data };
}

/** The rows as CSV again (rejected rows), with the reason in a last column. */
export function toCsv(columns: string[], rows: Array<Record<string, string>>): string {
  return Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) });
}
