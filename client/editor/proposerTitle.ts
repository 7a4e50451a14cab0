/** "Proposed by Ana Souza (Brazil), 16 Nov 2026 10:00": what hovering a bracket tells. */
export function proposerTitle(byName: unknown, at: unknown): string {
  const who = typeof byName === 'string' && byName !== '' ? byName : 'unknown';
  const when =
    typeof at === 'number' && at > 0
      ? new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
      : '';
  return when ? `Proposed by ${who}, ${when}` : `Proposed by ${who}`;
}
