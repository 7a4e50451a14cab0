import bidiFactory from 'bidi-js';

/** One bidi-js instance for the process (it holds only tables). */
export const bidi = bidiFactory();

/**
 * The direction of a paragraph as the Unicode bidi algorithm decides it (UAX #9 rule P2): that of
 * its first strong character; null when it has none (digits and punctuation only).
 */
export function paragraphDirection(text: string): 'ltr' | 'rtl' | null {
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return null;
}

/**
 * The text cut where its resolved direction changes (UAX #9 levels, auto paragraph direction):
 * right-to-left stretches, neutrals between Arabic words included, are flagged `rtl`.
 */
export function directionRuns(text: string): { text: string; rtl: boolean }[] {
  if (text === '') return [];
  const { levels } = bidi.getEmbeddingLevels(text, 'auto');
  const runs: { text: string; rtl: boolean }[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || (levels[i]! & 1) !== (levels[start]! & 1)) {
      // Never split a surrogate pair.
      if (i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!)) continue;
      runs.push({ text: text.slice(start, i), rtl: (levels[start]! & 1) === 1 });
      start = i;
    }
  }
  return runs;
}
