import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLocalInput, nextWallHour, toLocalInput, wallTime, zonedInstant } from '../../shared/model/zonedTime.js';
import { propertyRuns } from '../support/propertyRuns.js';

const ZONES = [
  'UTC',
  'Europe/Zurich',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
];

describe('wall-clock times in a time zone', () => {
  it('maps an instant to its wall time and back (the earlier instant of a repeated hour)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 15_778_080, max: 68_374_080 }) /* minutes, 2000–2100 */,
        fc.constantFrom(...ZONES),
        (minutes, zone) => {
          const at = minutes * 60_000;
          const back = zonedInstant(wallTime(at, zone), zone);
          expect(wallTime(back, zone)).toEqual(wallTime(at, zone));
          expect(back === at || back < at).toBe(true);
          expect(at - back).toBeLessThanOrEqual(3_600_000);
        },
      ),
      propertyRuns('zoned instants', 2000),
    );
  });

  it('names known instants: 17:00 in Zurich in winter and summer, a repeated and a skipped hour', () => {
    expect(zonedInstant({ year: 2026, month: 1, day: 15, hour: 17, minute: 0 }, 'Europe/Zurich')).toBe(
      Date.parse('2026-01-15T16:00:00Z'),
    );
    expect(zonedInstant({ year: 2026, month: 7, day: 15, hour: 17, minute: 0 }, 'Europe/Zurich')).toBe(
      Date.parse('2026-07-15T15:00:00Z'),
    );
    // 25 Oct 2026, 02:30 happens twice in Zurich: the first is 00:30 UTC.
    expect(zonedInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Zurich')).toBe(
      Date.parse('2026-10-25T00:30:00Z'),
    );
    // 29 Mar 2026, 02:30 does not exist in Zurich: read as 03:30 summer time.
    const skipped = zonedInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Zurich');
    expect(wallTime(skipped, 'Europe/Zurich')).toMatchObject({ hour: 3, minute: 30 });
    // Found by fast-check: a wall time half a day from Chatham's 03:45 change (offsets +13:45/+12:45).
    const chatham = 53_780_415 * 60_000;
    expect(zonedInstant(wallTime(chatham, 'Pacific/Chatham'), 'Pacific/Chatham')).toBe(chatham);
  });

  it('finds the next 07:00 of a person’s zone strictly after now', () => {
    const now = Date.parse('2026-03-05T06:59:00Z');
    expect(nextWallHour(now, 'UTC', 7)).toBe(Date.parse('2026-03-05T07:00:00Z'));
    expect(nextWallHour(Date.parse('2026-03-05T07:00:00Z'), 'UTC', 7)).toBe(Date.parse('2026-03-06T07:00:00Z'));
    expect(nextWallHour(now, 'Asia/Tokyo', 7)).toBe(Date.parse('2026-03-05T22:00:00Z'));
    expect(nextWallHour(now, 'America/New_York', 7)).toBe(Date.parse('2026-03-05T12:00:00Z'));
  });

  it('reads and writes the value of a datetime-local input', () => {
    const w = { year: 2026, month: 3, day: 5, hour: 17, minute: 5 };
    expect(toLocalInput(w)).toBe('2026-03-05T17:05');
    expect(fromLocalInput('2026-03-05T17:05')).toEqual(w);
    expect(fromLocalInput('2026-03-05T17:05:30')).toEqual(w);
    for (const bad of ['', '2026-13-05T17:05', '2026-03-05 17:05', '2026-03-05T24:00', 'tomorrow']) {
      expect(fromLocalInput(bad), bad).toBeNull();
    }
  });
});
