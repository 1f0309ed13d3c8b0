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

// Year and month read off their fixed positions: the balance does this tens of thousands of times a request,
// and splitting the text allocated an array each time.
const yearOf = (monthOrDay: string) => +monthOrDay.slice(0, 4);
const monthNumberOf = (monthOrDay: string) => +monthOrDay.slice(5, 7);
const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function addMonths(month: string, n: number): string {
  const total = yearOf(month) * 12 + (monthNumberOf(month) - 1) + n;
  const y = Math.floor(total / 12);
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${twoDigits((total % 12) + 1)}`;
}

export const monthOf = (day: string): string => day.slice(0, 7);
export const firstDay = (month: string): string => `${month}-01`;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function lastDay(month: string): string {
  const m = monthNumberOf(month);
  return `${month.slice(0, 7)}-${m === 2 && isLeap(yearOf(month)) ? 29 : DAYS_IN_MONTH[m - 1]}`;
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
  const name = MONTH_NAMES[monthNumberOf(day) - 1]!;
  return monthOf(day) > addMonths(monthOf(today), -12) ? name : `${name} ${yearOf(day)}`;
}

/** "12 Aug 2026" */
export function shortDate(day: string): string {
  return `${+day.slice(8, 10)} ${MONTH_NAMES[monthNumberOf(day) - 1]!.slice(0, 3)} ${yearOf(day)}`;
}
