/**
 * Wall-clock times in a named time zone (IANA, e.g. "Europe/Zurich") and the instants they name,
 * with Intl only (no time-zone database of our own): the chair's deadline typed as a date and
 * time in a zone, a person's digest at 07:00 in theirs.
 */
export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (what a browser or a person sends is checked with this). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a clock in `timeZone` shows at the instant `at` (to the minute). */
export function wallTime(at: number, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

/** The zone's offset from UTC at `at`, in ms (local minus UTC). */
function offsetAt(at: number, timeZone: string): number {
  const w = wallTime(at, timeZone);
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return local - Math.floor(at / 60_000) * 60_000;
}

/**
 * The instant a wall-clock time in `timeZone` names. In the hour repeated when clocks go back it
 * is the first of the two; a time skipped when clocks go forward is read with the offset before
 * the change (so 02:30 on a spring-forward night is 03:30 after it).
 */
export function zonedInstant(w: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  // The instant lies within 14 h of `asUtc` (the widest offsets); the offsets a day either side
  // are those before and after any change in that window (zones change at most once in two days).
  const before = asUtc - offsetAt(asUtc - 86_400_000, timeZone);
  const after = asUtc - offsetAt(asUtc + 86_400_000, timeZone);
  const names = (at: number) => {
    const x = wallTime(at, timeZone);
    return x.year === w.year && x.month === w.month && x.day === w.day && x.hour === w.hour && x.minute === w.minute;
  };
  const valid = [before, after].filter(names);
  return valid.length > 0 ? Math.min(...valid) : before;
}

/** The next instant, strictly after `now`, at which a clock in `timeZone` shows `hour`:00. */
export function nextWallHour(now: number, timeZone: string, hour: number): number {
  const w = wallTime(now, timeZone);
  const today = zonedInstant({ ...w, hour, minute: 0 }, timeZone);
  if (today > now) return today;
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return zonedInstant(
    { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour, minute: 0 },
    timeZone,
  );
}

/** "2026-03-05T17:00", the value of an `<input type="datetime-local">`. */
export function toLocalInput(w: WallTime): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** The wall time of an `<input type="datetime-local">` value; null when it is not one. */
export function fromLocalInput(value: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}
