/**
 * Business-calendar arithmetic, pure: working windows per weekday in an IANA time zone,
 * French public holidays computed for any year, extra closed days. Luxon does the time
 * zones (daylight-saving changes included); no offset is computed by hand here.
 */
import { DateTime } from 'luxon';

/** One working window of a weekday, local wall-clock times `HH:MM` (end may be `24:00`). */
export interface WorkingWindow {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: string;
  end: string;
}

export interface CalendarRules {
  timeZone: string;
  windows: readonly WorkingWindow[];
  /** Closes the French public holidays (fixed dates, Easter Monday, Ascension, Whit Monday). */
  frenchHolidays: boolean;
  /** Also closes Alsace-Moselle's Good Friday and 26 December. */
  alsaceMoselle: boolean;
  /** Extra closed days, local dates `YYYY-MM-DD`. */
  closedDays: readonly string[];
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes since local midnight of `HH:MM`, or null when malformed. */
export function minutesOf(hhmm: string): number | null {
  if (!HHMM.test(hhmm)) return null;
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function isValidTimeZone(zone: string): boolean {
  return zone.length <= 64 && DateTime.local({ zone }).isValid;
}

/** Easter Sunday of a Gregorian year (Meeus/Jones/Butcher algorithm). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const holidayCache = new Map<string, Set<string>>();

/** The French public holidays of a year as local dates `YYYY-MM-DD` (Alsace-Moselle's two extra days on request). */
export function frenchHolidays(year: number, alsaceMoselle = false): Set<string> {
  const key = `${year}:${alsaceMoselle}`;
  const cached = holidayCache.get(key);
  if (cached) return cached;
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
  const easter = DateTime.fromObject({ year, ...easterSunday(year) }, { zone: 'UTC' });
  const fromEaster = [1, 39, 50].map((d) => easter.plus({ days: d }).toISODate()!); // Easter Monday, Ascension, Whit Monday
  const days = new Set([...fixed, ...fromEaster]);
  if (alsaceMoselle) {
    days.add(easter.minus({ days: 2 }).toISODate()!); // Good Friday
    days.add(`${year}-12-26`);
  }
  holidayCache.set(key, days);
  return days;
}

/** Whether a local date is closed all day (public holiday or extra closed day). */
export function isClosedDay(rules: CalendarRules, day: DateTime): boolean {
  const iso = day.toISODate()!;
  if (rules.closedDays.includes(iso)) return true;
  return rules.frenchHolidays && frenchHolidays(day.year, rules.alsaceMoselle).has(iso);
}

/** The working windows of one local day, as epoch-millisecond [start, end) pairs, in order. */
function windowsOfDay(rules: CalendarRules, day: DateTime): [number, number][] {
  if (isClosedDay(rules, day)) return [];
  const out: [number, number][] = [];
  for (const w of rules.windows) {
    if (w.weekday !== day.weekday) continue;
    const s = minutesOf(w.start);
    const e = minutesOf(w.end);
    if (s === null || e === null || e <= s) continue;
    // wall-clock times resolved in the zone: a window across a DST change keeps its local hours
    const start = day.set({ hour: Math.floor(s / 60), minute: s % 60 }).toMillis();
    const end = e === 24 * 60 ? day.plus({ days: 1 }).startOf('day').toMillis() : day.set({ hour: Math.floor(e / 60), minute: e % 60 }).toMillis();
    out.push([start, end]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** Most days walked looking for working time (ten years): a calendar with no working window never loops for ever. */
const MAX_DAYS = 3660;

export function hasWorkingTime(rules: CalendarRules): boolean {
  return rules.windows.some((w) => {
    const s = minutesOf(w.start);
    const e = minutesOf(w.end);
    return s !== null && e !== null && e > s && w.weekday >= 1 && w.weekday <= 7;
  });
}

/**
 * Each calendar's days, computed once: a day's working windows and where the next day
 * starts. Luxon's zone arithmetic costs tens of microseconds a call, and a long-open
 * ticket walks hundreds of days for each target on every refresh.
 */
interface Day {
  windows: [number, number][];
  next: number;
}
const calendars = new Map<string, Map<number, Day>>();
const keyOfRules = new WeakMap<CalendarRules, string>();
const MAX_CALENDARS = 500;
const MAX_DAYS_KEPT = 20_000;

function daysOf(rules: CalendarRules): Map<number, Day> {
  let key = keyOfRules.get(rules);
  if (!key) keyOfRules.set(rules, (key = JSON.stringify([rules.timeZone, rules.windows, rules.frenchHolidays, rules.alsaceMoselle, rules.closedDays])));
  let days = calendars.get(key);
  if (!days) {
    if (calendars.size >= MAX_CALENDARS) calendars.clear();
    calendars.set(key, (days = new Map()));
  }
  return days;
}

/** The local day starting at `start` (epoch ms of its local midnight). */
function dayAt(rules: CalendarRules, days: Map<number, Day>, start: number): Day {
  let d = days.get(start);
  if (!d) {
    const day = DateTime.fromMillis(start, { zone: rules.timeZone });
    d = { windows: windowsOfDay(rules, day), next: day.plus({ days: 1 }).startOf('day').toMillis() };
    if (days.size >= MAX_DAYS_KEPT) days.clear();
    days.set(start, d);
  }
  return d;
}

const startOfLocalDay = (rules: CalendarRules, at: number) => DateTime.fromMillis(at, { zone: rules.timeZone }).startOf('day').toMillis();

/** Business milliseconds between two instants (0 when `to` ≤ `from`). */
export function businessMsBetween(rules: CalendarRules, from: Date | number, to: Date | number): number {
  const a = +from;
  const b = +to;
  if (b <= a) return 0;
  const days = daysOf(rules);
  let total = 0;
  let start = startOfLocalDay(rules, a);
  for (let n = 0; start <= b && n <= MAX_DAYS * 10; n++) {
    const day = dayAt(rules, days, start);
    for (const [s, e] of day.windows) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
    start = day.next;
  }
  return total;
}

/** The instant `ms` business milliseconds after `from`; null when the calendar has no working time within ten years. */
export function addBusinessMs(rules: CalendarRules, from: Date | number, ms: number): Date | null {
  const a = +from;
  if (ms <= 0) return new Date(a);
  const days = daysOf(rules);
  let left = ms;
  let start = startOfLocalDay(rules, a);
  for (let n = 0; n < MAX_DAYS; n++) {
    const day = dayAt(rules, days, start);
    for (const [s, e] of day.windows) {
      const begin = Math.max(s, a);
      if (e <= begin) continue;
      if (e - begin >= left) return new Date(begin + left);
      left -= e - begin;
    }
    start = day.next;
  }
  return null;
}
