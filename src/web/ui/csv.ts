import Papa from 'papaparse';
import { get, qs } from './api';

/** One column of a CSV export: its header and how a row reads in it (names, not ids). */
export type CsvColumn<T> = {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
};

// A cell starting like a formula would run in a spreadsheet; a leading apostrophe keeps it text.
const FORMULA = /^[=+\-@\t\r]/;
const cell = (v: string | number | boolean | null | undefined) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return typeof v === 'string' && FORMULA.test(s) ? `'${s}` : s;
};

export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
  return Papa.unparse({
    fields: columns.map((c) => c.header),
    data: rows.map((r) => columns.map((c) => cell(c.value(r)))),
  });
}

/** Every page of a list (200 at a time), with the filters the page shows. */
export async function fetchAll<T>(
  path: string,
  params: Record<string, string | number | boolean | undefined | null> = {},
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await get<{ items: T[]; nextCursor: string | null }>(
      `${path}${qs({ ...params, limit: 200, cursor: cursor ?? undefined })}`,
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < 100_000);
  return all;
}

export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark so spreadsheet apps read the UTF-8 names correctly.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
