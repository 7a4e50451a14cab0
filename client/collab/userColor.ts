/**
 * A stable caret colour per person, from a palette dark enough for white label text
 * (WCAG AA) and distinct from the red of brackets.
 */
const palette = ['#1d4ed8', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f', '#5b21b6', '#9a3412'];

export function userColor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[h % palette.length]!;
}
