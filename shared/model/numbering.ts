import type { Draft, ParagraphKind } from './draft.js';

/** How a paragraph is referred to in the room: "7", "7 bis", "PP2"; whole-paragraph alternatives share one number. */
export interface ParagraphLabel {
  number: string;
  /** 1-based option within a whole-paragraph alternative group, else null. */
  option: number | null;
}

const latinOrdinals = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];

/** "bis", "ter", ... for the n-th (1-based) paragraph inserted after the same number. */
export function latinSuffix(n: number): string {
  return latinOrdinals[n - 1] ?? `${n + 1}`;
}

/**
 * Numbers are computed, never stored. Preambular paragraphs count PP1, PP2 ...; operative
 * paragraphs 1, 2 ... consecutively across all sections. A paragraph inserted with `bis`
 * takes the number of the paragraph before it plus "bis", "ter" ... so that agreed
 * paragraphs keep the numbers everybody refers to; `renumber` (the clean report) ignores
 * `bis` and numbers everything consecutively. Consecutive paragraphs sharing `altGroup`
 * are options for one paragraph and share its number.
 */
export function numberDraft(draft: Draft, opts: { renumber?: boolean } = {}): Map<string, ParagraphLabel> {
  const labels = new Map<string, ParagraphLabel>();
  const counters: Record<ParagraphKind, { n: number; extra: number }> = {
    operative: { n: 0, extra: 0 },
    preambular: { n: 0, extra: 0 },
  };
  let previousGroup: string | null = null;
  let previousLabel: ParagraphLabel | null = null;
  for (const section of draft.sections) {
    for (const p of section.paragraphs) {
      if (p.altGroup !== null && p.altGroup === previousGroup && previousLabel) {
        const label: ParagraphLabel = { number: previousLabel.number, option: (previousLabel.option ?? 1) + 1 };
        labels.set(p.id, label);
        previousLabel = label;
        continue;
      }
      const c = counters[p.kind];
      let base: string;
      if (p.bis && !opts.renumber && c.n > 0) {
        c.extra += 1;
        base = `${c.n} ${latinSuffix(c.extra)}`;
      } else {
        c.n += 1;
        c.extra = 0;
        base = `${c.n}`;
      }
      const label: ParagraphLabel = {
        number: p.kind === 'preambular' ? `PP${base}` : base,
        option: p.altGroup === null ? null : 1,
      };
      labels.set(p.id, label);
      previousGroup = p.altGroup;
      previousLabel = label;
    }
  }
  return labels;
}

const romans: [number, string][] = [
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of romans) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

function letters(n: number): string {
  let out = '';
  let rest = n;
  while (rest > 0) {
    rest -= 1;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/** Subparagraphs: (a), (b) ... at depth 0; (i), (ii) ... at depth 1; then letters again. */
export function subparagraphLabel(depth: number, index: number): string {
  return `(${depth % 2 === 1 ? roman(index + 1) : letters(index + 1)})`;
}

/** "7", "7 bis" or "7 (Option 2)" as printed. */
export function formatLabel(label: ParagraphLabel): string {
  return label.option === null ? label.number : `${label.number} (Option ${label.option})`;
}
