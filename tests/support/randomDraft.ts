import fc from 'fast-check';
import type { Block, Bracket, Draft, InlineRun, Paragraph, Section } from '../../shared/model/draft.js';
import type { Governance, Objection, ParagraphStatus } from '../../shared/model/governance.js';

/**
 * Random negotiating texts for property tests of the exports and imports: sections of numbered
 * paragraphs (preambular, bis, whole-paragraph alternatives, bracketed paragraphs), subparagraphs
 * two levels deep, nested brackets, inline alternatives, bold and italic, and text full of
 * characters that mean something in Markdown, XML or our own notation.
 *
 * Left out on purpose: hard breaks (the editor keeps them as nodes writeDraft does not write),
 * brackets spanning several blocks, paragraphs that start with a list, and spaces that are not
 * single (every format may collapse them).
 */
const words = [
  'States',
  'shall',
  'cooperate',
  'données',
  'مرحبا',
  'שלום',
  '🌍',
  '*not*',
  '_x_',
  '[literal]',
  ']',
  '[',
  '<b>',
  '&amp;',
  'R&D',
  '\\',
  '`c`',
  '#',
  '1.',
  '7)',
  '-',
  '+',
  '(i)',
  'x:',
  '!',
  '2030',
  '"q"',
  "'s",
  '|',
  '~',
  '=',
  '>',
];

const word = fc.constantFrom(...words);
/** Words joined by single spaces, sometimes with a space before or after. */
const phrase = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([ws, before, after]) => `${before ? ' ' : ''}${ws.join(' ')}${after ? ' ' : ''}`);

type Piece =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean }
  | { kind: 'bracket'; children: Piece[] }
  | { kind: 'alternative'; options: Piece[][] };

const textPiece = fc
  .record({ text: phrase, bold: fc.boolean(), italic: fc.boolean() })
  .map((r): Piece => ({ kind: 'text', ...r }));

/** An option starts with plain text: its printed label "Option 1: " is followed by the text. */
const optionContent = fc
  .tuple(
    fc.record({ text: phrase.map((s) => s.trimStart()), bold: fc.boolean(), italic: fc.boolean() }),
    fc.array(textPiece, { maxLength: 1 }),
  )
  .map(([first, rest]): Piece[] => [{ kind: 'text', ...first }, ...rest]);

const pieces: fc.Arbitrary<Piece[]> = fc.letrec<{ pieces: Piece[]; piece: Piece }>((tie) => ({
  piece: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: textPiece },
    {
      weight: 2,
      arbitrary: fc
        .array(tie('piece'), { minLength: 1, maxLength: 2 })
        .map((children): Piece => ({ kind: 'bracket', children })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(optionContent, { minLength: 2, maxLength: 3 })
        .map((options): Piece => ({ kind: 'alternative', options })),
    },
  ),
  pieces: fc.array(tie('piece'), { minLength: 1, maxLength: 4 }),
})).pieces;

const proposer = { by: 'u1', byName: 'Ana (Brazil)', at: 1 };

function runsOf(ps: Piece[], ids: { n: number }, outer: Bracket[] = []): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const p of ps) {
    if (p.kind === 'text') {
      runs.push({ text: p.text, bold: p.bold || undefined, italic: p.italic || undefined, brackets: outer });
    } else if (p.kind === 'bracket') {
      const b: Bracket = { id: `b${ids.n++}`, ...proposer, group: null };
      runs.push(...runsOf(p.children, ids, [...outer, b]));
    } else {
      const group = `g${ids.n++}`;
      for (const option of p.options) {
        const b: Bracket = { id: `b${ids.n++}`, ...proposer, group };
        runs.push(...runsOf(option, ids, [...outer, b]));
      }
    }
  }
  // Runs that are not bold/italic carry no such keys, as readDraft gives them.
  return runs.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as InlineRun);
}

interface BlockShape {
  text: Piece[];
  list: {
    ordered: boolean;
    items: { text: Piece[]; nested: { ordered: boolean; items: Piece[][] } | null; more: Piece[] | null }[];
  } | null;
  after: Piece[] | null;
}

const nestedList = fc.record({ ordered: fc.boolean(), items: fc.array(pieces, { minLength: 1, maxLength: 2 }) });
const item = fc.record({
  text: pieces,
  nested: fc.option(nestedList, { freq: 3 }),
  more: fc.option(pieces, { freq: 4 }),
});
const shape: fc.Arbitrary<BlockShape> = fc.record({
  text: pieces,
  list: fc.option(fc.record({ ordered: fc.boolean(), items: fc.array(item, { minLength: 1, maxLength: 3 }) }), {
    freq: 2,
  }),
  after: fc.option(pieces, { freq: 4 }),
});

function blocksOf(s: BlockShape, ids: { n: number }): Block[] {
  const text = (ps: Piece[]): Block => ({ type: 'text', runs: runsOf(ps, ids) });
  const blocks: Block[] = [text(s.text)];
  if (s.list) {
    blocks.push({
      type: 'list',
      ordered: s.list.ordered,
      items: s.list.items.map((it) => {
        const inner: Block[] = [text(it.text)];
        if (it.nested) {
          inner.push({ type: 'list', ordered: it.nested.ordered, items: it.nested.items.map((ps) => [text(ps)]) });
        }
        if (it.more) inner.push(text(it.more));
        return inner;
      }),
    });
  }
  if (s.after) blocks.push(text(s.after));
  return blocks;
}

interface ParagraphShape {
  blocks: BlockShape;
  preambular: boolean;
  bis: boolean;
  bracketed: boolean;
  /** 0: a paragraph of its own; n ≥ 2: a whole-paragraph alternative of n options. */
  options: number;
  status: ParagraphStatus;
  objection: string | null;
  locked: boolean;
}

/** True about once in `n` draws. */
const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((x) => x === 1);

const paragraphShape: fc.Arbitrary<ParagraphShape> = fc.record({
  blocks: shape,
  preambular: oneIn(5),
  bis: oneIn(4),
  bracketed: oneIn(4),
  options: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 3 }) }),
  status: fc.constantFrom<ParagraphStatus>('draft', 'under_negotiation', 'agreed_ad_ref', 'agreed'),
  objection: fc.option(phrase, { freq: 4 }),
  locked: oneIn(5),
});

const heading = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => `II. ${ws.join(' ')}`);

export interface RandomText {
  draft: Draft;
  governance: Governance;
}

export const randomText: fc.Arbitrary<RandomText> = fc
  .record({
    title: fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')),
    symbol: fc.constantFrom('EG/2026/1', 'A/HRC/60/L.3', ''),
    sections: fc.array(fc.record({ heading, paragraphs: fc.array(paragraphShape, { minLength: 1, maxLength: 4 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  })
  .map(({ title, symbol, sections }) => {
    const ids = { n: 0 };
    const gov: Governance = { meta: { title, symbol }, statuses: {}, locks: {}, objections: [] };
    const chair = { id: 'c', name: 'Carla', affiliation: 'Chair' };
    const draftSections: Section[] = sections.map((s, si) => {
      const paragraphs: Paragraph[] = [];
      for (const ps of s.paragraphs) {
        const group = ps.options > 0 ? `alt${ids.n++}` : null;
        for (let o = 0; o < Math.max(1, ps.options); o++) {
          const id = `p${ids.n++}`;
          paragraphs.push({
            id,
            kind: ps.preambular ? 'preambular' : 'operative',
            bis: o === 0 && ps.bis,
            altGroup: group,
            bracket: ps.bracketed ? { id: `w${ids.n++}`, ...proposer, group: null } : null,
            blocks: blocksOf(ps.blocks, ids),
          });
          gov.statuses[id] = ps.status;
          if (ps.locked) gov.locks[id] = { by: chair, at: 2 };
          if (ps.objection !== null) {
            const objection: Objection = {
              id: `o${ids.n++}`,
              paragraphId: id,
              author: { id: 'm', name: 'Mia', affiliation: 'Chile' },
              reason: ps.objection,
              at: 3,
              state: 'standing',
              answer: null,
              withdrawnAt: null,
            };
            gov.objections.push(objection);
          }
        }
      }
      return { id: `s${si}`, heading: s.heading, paragraphs };
    });
    return { draft: { sections: draftSections }, governance: gov };
  });
