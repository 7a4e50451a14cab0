import { parseBracketedText } from '../shared/model/bracketText.js';
import type { Draft, Paragraph } from '../shared/model/draft.js';

/** A large negotiating text for the benchmarks: `n` paragraphs in 10 sections, `bracketed` of them with two brackets. */
export function benchDraft(n: number, bracketed: number): { draft: Draft; brackets: number } {
  const who = { by: 'u', byName: 'Delegate', at: 1 };
  let brackets = 0;
  const paragraphs: Paragraph[] = Array.from({ length: n }, (_, i) => {
    const text =
      i < bracketed
        ? `States [should] take measures to improve [data governance] for climate action, paragraph ${i}.`
        : `States should take measures to improve data governance for climate action, paragraph ${i}.`;
    const runs = parseBracketedText(text, who);
    brackets += new Set(runs.flatMap((r) => r.brackets.map((b) => b.id))).size;
    return {
      id: `p${i}`,
      kind: i < 20 ? 'preambular' : 'operative',
      bis: false,
      altGroup: null,
      bracket: null,
      blocks: [{ type: 'text', runs }],
    };
  });
  const per = Math.ceil(n / 10);
  return {
    draft: {
      sections: Array.from({ length: 10 }, (_, s) => ({
        id: `s${s}`,
        heading: `Section ${s + 1}`,
        paragraphs: paragraphs.slice(s * per, s * per + per),
      })),
    },
    brackets,
  };
}
