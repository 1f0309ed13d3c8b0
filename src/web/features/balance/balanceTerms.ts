/** "Nov 26" for 2026-11. */
export function monthLabel(month: string): string {
  return new Date(`${month}-15T12:00:00Z`).toLocaleDateString(undefined, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
}

/** "+18", "−3", "±0" */
export function signed(n: number | null): string {
  if (n === null) return '—';
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}
