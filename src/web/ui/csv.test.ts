import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export', () => {
  it('writes names, quotes what needs quoting, and keeps formulas from running', () => {
    const rows = [
      { client: { name: 'Acme, Inc.' }, note: 'Said "hi"\non two lines', hours: 1.5 },
      { client: { name: '=HYPERLINK("x")' }, note: null, hours: 0 },
    ];
    const csv = toCsv(rows, [
      { header: 'Client', value: (r) => r.client.name },
      { header: 'Note', value: (r) => r.note },
      { header: 'Hours', value: (r) => r.hours },
    ]);
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed[0]).toEqual(['Client', 'Note', 'Hours']);
    expect(parsed[1]).toEqual(['Acme, Inc.', 'Said "hi"\non two lines', '1.5']);
    expect(parsed[2]).toEqual(['\'=HYPERLINK("x")', '', '0']);
  });
});
