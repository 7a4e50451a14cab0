/**
 * A stable colour per delegation for its tracked changes (underline, strike-through and badge
 * border; the text itself keeps the editor's colour, so contrast never depends on it).
 * Dark enough against white, distinct from the red of brackets.
 */
const palette = ['#1d4ed8', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f', '#5b21b6', '#9a3412'];

export function delegationColor(code: string): string {
  let h = 0;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[h % palette.length] ?? '#1d4ed8';
}
