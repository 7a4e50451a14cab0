import { i18n } from './i18n';

/**
 * Time left until a deadline, as people read a countdown: days and hours while it is far,
 * minutes and seconds when it is near. Numbers are formatted in the interface language.
 */
export function formatCountdown(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return i18n.t('silence.left.days', { days, hours });
  if (hours > 0) return i18n.t('silence.left.hours', { hours, minutes });
  return i18n.t('silence.left.minutes', { minutes, seconds });
}
