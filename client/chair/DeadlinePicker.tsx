import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, isTimeZone, toLocalInput, wallTime, zonedInstant } from '../../shared/model/zonedTime';

/** The zones the browser knows (Intl), the browser's own first; UTC always there. */
function zoneChoices(own: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ([] as string[]);
  return [...new Set([own, 'UTC', ...known])];
}

export interface DeadlineChoice {
  /** The value of the datetime-local input, a wall time in `zone`. */
  local: string;
  zone: string;
}

/** A choice of `hoursAhead` hours from now, as the zone's clock shows it (to the minute). */
export function deadlineChoiceIn(zone: string, hoursAhead: number): DeadlineChoice {
  return { local: toLocalInput(wallTime(Date.now() + hoursAhead * 3_600_000, zone)), zone };
}

/** The instant a choice names; null while the date is incomplete or the zone unknown. */
export function deadlineOf(choice: DeadlineChoice): number | null {
  const w = fromLocalInput(choice.local);
  return w && isTimeZone(choice.zone) ? zonedInstant(w, choice.zone) : null;
}

/**
 * A deadline as a date and time in a time zone (the words: "date and time with time
 * zone"): the native `<input type="datetime-local">` — the browser's own, keyboard-accessible,
 * localised picker — and a labelled select of the zones Intl knows, the browser's by default.
 * The server receives the instant (ISO with Z) and the zone's name for display.
 */
export function DeadlinePicker({
  value,
  onChange,
  describedBy,
}: {
  value: DeadlineChoice;
  onChange: (v: DeadlineChoice) => void;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const zones = useMemo(() => zoneChoices(value.zone), [value.zone]);
  return (
    <>
      <label htmlFor={`${ids}-at`}>{t('silence.deadlineAt')}</label>
      <input
        id={`${ids}-at`}
        type="datetime-local"
        required
        value={value.local}
        onChange={(e) => onChange({ ...value, local: e.target.value })}
        aria-describedby={describedBy}
        data-deadline="at"
      />
      <label htmlFor={`${ids}-zone`}>{t('silence.deadlineZone')}</label>
      <select
        id={`${ids}-zone`}
        value={value.zone}
        onChange={(e) => onChange({ ...value, zone: e.target.value })}
        data-deadline="zone"
      >
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
    </>
  );
}
