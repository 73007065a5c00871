/** The business-calendar arithmetic on fixed cases (pure functions: no clock, no database). */
import { describe, expect, it } from 'vitest';
import { addBusinessMs, businessMsBetween, easterSunday, frenchHolidays, type CalendarRules } from '../packages/server/src/service-levels/calendar';
import { standingsOf, type HistoryStep, type TargetRule } from '../packages/server/src/service-levels/service-level.compute';
import { SupportLevel } from '../packages/server/src/directory/directory.enums';
import { TicketStatus, TicketTransition } from '../packages/server/src/service-desk/ticket.enums';
import { ServiceLevelClock, ServiceLevelMetric, ServiceLevelState } from '../packages/server/src/service-levels/service-level.enums';

const OFFICE = (timeZone = 'Europe/Paris', alsaceMoselle = false): CalendarRules => ({
  timeZone,
  windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '18:00' })),
  frenchHolidays: true,
  alsaceMoselle,
  closedDays: [],
});
const H = 3600_000;

describe('French public holidays', () => {
  it('computes Easter and the days that follow it', () => {
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    const y2026 = frenchHolidays(2026);
    for (const d of ['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25', '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25']) expect(y2026.has(d), d).toBe(true);
    expect(y2026.size).toBe(11);
    expect(y2026.has('2026-04-03')).toBe(false); // Good Friday: Alsace-Moselle only
    const alsace = frenchHolidays(2026, true);
    expect(alsace.has('2026-04-03')).toBe(true);
    expect(alsace.has('2026-12-26')).toBe(true);
  });
});

describe('business time', () => {
  it('a ticket opened Friday 17:30 before Easter Monday is due on Tuesday (and DST changed on Sunday)', () => {
    const friday = new Date('2027-03-26T16:30:00Z'); // 17:30 in Paris (UTC+1)
    // one business hour: 30 min on Friday, then Saturday, Sunday and Easter Monday are closed
    expect(addBusinessMs(OFFICE(), friday, 1 * H)!.toISOString()).toBe('2027-03-30T07:00:00.000Z'); // Tuesday 09:00 in Paris (UTC+2)
    expect(businessMsBetween(OFFICE(), friday, new Date('2027-03-30T07:00:00Z'))).toBe(1 * H);
    // in Alsace-Moselle that Friday is Good Friday: nothing counts before Tuesday 08:30
    expect(addBusinessMs(OFFICE('Europe/Paris', true), friday, 1 * H)!.toISOString()).toBe('2027-03-30T07:30:00.000Z');
  });

  it('an overseas structure reads the same hours in its own zone', () => {
    const monday = new Date('2026-12-07T20:00:00Z'); // 17:00 in Cayenne, 21:00 in Paris
    expect(addBusinessMs(OFFICE('America/Cayenne'), monday, 2 * H)!.toISOString()).toBe('2026-12-08T12:30:00.000Z'); // Tue 09:30 Cayenne
    expect(addBusinessMs(OFFICE('Europe/Paris'), monday, 2 * H)!.toISOString()).toBe('2026-12-08T09:30:00.000Z'); // Tue 10:30 Paris
    expect(businessMsBetween(OFFICE('Indian/Reunion'), new Date('2026-12-07T04:30:00Z'), new Date('2026-12-07T14:00:00Z'))).toBe(9.5 * H); // 08:30–18:00 in Réunion (UTC+4)
  });

  it('extra closed days are closed, and a calendar without working time gives no due date', () => {
    const rules = { ...OFFICE(), closedDays: ['2026-12-08'] };
    expect(addBusinessMs(rules, new Date('2026-12-07T16:00:00Z'), 2 * H)!.toISOString()).toBe('2026-12-09T08:30:00.000Z'); // Mon 17:00–18:00, Tuesday closed, Wed 08:30–09:30 Paris
    expect(addBusinessMs({ ...OFFICE(), windows: [] }, new Date('2026-12-07T16:00:00Z'), H)).toBeNull();
  });
});

describe('standings from the history', () => {
  const at = (iso: string) => new Date(iso);
  const step = (iso: string, transition: TicketTransition | null, toStatus: TicketStatus, toLevel = SupportLevel.SN1): HistoryStep => ({ at: at(iso), transition, toStatus, toLevel });
  const rule = (metric: ServiceLevelMetric, hours: number, level: SupportLevel | null = null): TargetRule => ({ id: `${metric}:${level}`, metric, level, targetSeconds: hours * 3600, atRiskShare: 0.8, calendar: OFFICE() });

  it('a pause for information across a weekend stops the clock', () => {
    const steps = [
      step('2026-12-03T08:55:00Z', null, TicketStatus.NEW),
      step('2026-12-03T09:00:00Z', TicketTransition.SUBMIT, TicketStatus.SUBMITTED), // Thu 10:00 Paris
      step('2026-12-03T09:30:00Z', TicketTransition.TAKE, TicketStatus.IN_PROGRESS), // Thu 10:30
      step('2026-12-04T15:00:00Z', TicketTransition.REQUEST_INFO, TicketStatus.WAITING_FOR_INFO), // Fri 16:00
      step('2026-12-07T10:00:00Z', TicketTransition.PROVIDE_INFO, TicketStatus.IN_PROGRESS), // Mon 11:00
    ];
    const now = at('2026-12-07T11:00:00Z'); // Mon 12:00
    const rules = [rule(ServiceLevelMetric.FIRST_RESPONSE, 1), rule(ServiceLevelMetric.RESOLUTION, 19), rule(ServiceLevelMetric.LEVEL_HOLD, 9.5, SupportLevel.SN1), rule(ServiceLevelMetric.LEVEL_HOLD, 9.5, SupportLevel.SN2)];
    const [first, resolution, sn1, ...rest] = standingsOf(steps, rules, now);
    expect(rest).toEqual([]); // never at SN2: no standing for that level
    expect(first).toMatchObject({ clock: ServiceLevelClock.STOPPED, elapsedSeconds: 1800, state: ServiceLevelState.ON_TRACK, dueAt: null });
    // Thu 10:00–18:00 (8 h) + Fri 08:30–16:00 (7.5 h) + Mon 11:00–12:00 (1 h); the pause (Fri 16:00 → Mon 11:00) counts nothing
    expect(resolution).toMatchObject({ clock: ServiceLevelClock.RUNNING, elapsedSeconds: 16.5 * 3600, remainingSeconds: 2.5 * 3600, state: ServiceLevelState.AT_RISK });
    expect(resolution.dueAt!.toISOString()).toBe('2026-12-07T13:30:00.000Z'); // Mon 14:30
    expect(resolution.atRiskAt!.toISOString()).toBe('2026-12-04T14:42:00.000Z'); // 80 % = 15.2 h: reached Friday 15:42, before the pause
  });
});
