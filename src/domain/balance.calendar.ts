// Calendar arithmetic for the balance: months as `YYYY-MM`, days as `YYYY-MM-DD`, all in UTC.

const DAY_MS = 86_400_000;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const parts = (month: string): [number, number] => {
  const [y, m] = month.split('-').map(Number);
  return [y!, m!];
};

export function addMonths(month: string, n: number): string {
  const [y, m] = parts(month);
  const total = y * 12 + (m - 1) + n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export const monthOf = (day: string): string => day.slice(0, 7);
export const firstDay = (month: string): string => `${month}-01`;

export function lastDay(month: string): string {
  const [y, m] = parts(month);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

const dayNumber = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Calendar days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

/** Days from `from` to `to` (negative when `to` is earlier); arithmetic on the digits, no string parsing. */
export function daysBetween(from: string, to: string): number {
  const at = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
  return Math.round((at(to) - at(from)) / DAY_MS);
}

export const minDay = (a: string, b: string): string => (a < b ? a : b);
export const maxDay = (a: string, b: string): string => (a > b ? a : b);

/** "August", or "August 2025" when it is not within the twelve months before `today`. */
export function monthName(day: string, today: string): string {
  const [y, m] = parts(monthOf(day));
  const name = MONTH_NAMES[m - 1]!;
  return monthOf(day) > addMonths(monthOf(today), -12) ? name : `${name} ${y}`;
}

/** "12 Aug 2026" */
export function shortDate(day: string): string {
  const [y, m] = parts(monthOf(day));
  return `${Number(day.slice(8, 10))} ${MONTH_NAMES[m - 1]!.slice(0, 3)} ${y}`;
}
