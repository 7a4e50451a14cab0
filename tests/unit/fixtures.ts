import type { Bracket, Draft, InlineRun, Paragraph } from '../../shared/model/draft.js';

export function bracket(id: string, group: string | null = null): Bracket {
  return { id, by: 'u1', byName: 'Ana (Brazil)', at: 1, group };
}

export function para(id: string, runs: InlineRun[] | string, extra: Partial<Paragraph> = {}): Paragraph {
  const r = typeof runs === 'string' ? [{ text: runs, brackets: [] }] : runs;
  return {
    id,
    kind: 'operative',
    bis: false,
    altGroup: null,
    bracket: null,
    blocks: [{ type: 'text', runs: r }],
    ...extra,
  };
}

export function draftOf(...sections: Paragraph[][]): Draft {
  return { sections: sections.map((paragraphs, i) => ({ id: `s${i}`, heading: `Section ${i + 1}`, paragraphs })) };
}
