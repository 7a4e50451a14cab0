import type { Bracket, InlineRun } from './draft.js';
import { newId } from './ids.js';

export interface Proposer {
  by: string;
  byName: string;
  at: number;
}

/**
 * Imported text marks unagreed passages with literal `[...]`; they become structured,
 * nestable brackets. Unbalanced or empty brackets stay literal text, so nothing typed is
 * lost and `bracketedText(parseBracketedText(s))` gives `s` back.
 */
export function parseBracketedText(text: string, proposer: Proposer): InlineRun[] {
  const chars = [...text];
  const pairs = bracketPairs(chars);
  if (pairs.length === 0) return text === '' ? [] : [{ text, brackets: [] }];
  const structural = new Set(pairs.flat());
  const bracketOf = new Map<number, Bracket>(
    pairs.map(([open]) => [open, { id: newId('b'), ...proposer, group: null }] as const),
  );
  // Outermost first: pairs sorted by their opening position.
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const runs: InlineRun[] = [];
  chars.forEach((ch, i) => {
    if (structural.has(i)) return;
    const brackets = sorted.filter(([o, c]) => o < i && i < c).map(([o]) => bracketOf.get(o)!);
    const last = runs[runs.length - 1];
    if (last && sameBrackets(last.brackets, brackets)) last.text += ch;
    else runs.push({ text: ch, brackets });
  });
  return runs;
}

function sameBrackets(a: Bracket[], b: Bracket[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]?.id);
}

/**
 * Positions of the `[` `]` that pair up (innermost closes first); an empty pair `[]` and
 * unbalanced brackets are not pairs: they stay text.
 */
export function bracketPairs(chars: readonly string[]): [number, number][] {
  const pairs: [number, number][] = [];
  const stack: number[] = [];
  chars.forEach((ch, i) => {
    if (ch === '[') stack.push(i);
    else if (ch === ']' && stack.length > 0) {
      const open = stack.pop()!;
      if (i > open + 1) pairs.push([open, i]);
    }
  });
  return pairs;
}
