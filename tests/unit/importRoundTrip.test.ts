import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../server/export/exportDocument.js';
import { importDraft } from '../../server/import/importDraft.js';
import { type Language, languages } from '../../shared/i18n/languages.js';
import { bracketSpans } from '../../shared/model/brackets.js';
import type { Block, Draft, InlineRun, Paragraph } from '../../shared/model/draft.js';
import { formatLabel, numberDraft } from '../../shared/model/numbering.js';
import { propertyRuns } from '../support/propertyRuns.js';
import { type RandomText, randomText } from '../support/randomDraft.js';

/**
 * What an import must give back from our own export, format-independent: sections and their
 * headings, paragraphs with their printed numbers (bis, PP, options of whole-paragraph
 * alternatives), kind, whole-paragraph bracket, subparagraph lists (ordered or not, nested), and
 * each text as characters with bold, italic and the brackets around them (numbered by first
 * appearance, with their option number). Ids, proposers and white space beyond one space are not
 * structure; nor is emphasis on a space.
 */
function structure(draft: Draft) {
  const labels = numberDraft(draft);
  return draft.sections.map((s) => ({
    heading: s.heading.replace(/\s+/g, ' ').trim(),
    paragraphs: s.paragraphs.map((p) => {
      const flat: InlineRun[] = [];
      const collect = (bs: Block[]) => {
        for (const b of bs) {
          if (b.type === 'text') flat.push(...b.runs);
          else for (const item of b.items) collect(item);
        }
      };
      collect(p.blocks);
      const options = new Map(bracketSpans(flat).map((x) => [x.bracket.id, x.option]));
      // A paragraph all inside one (plain) bracket is a bracketed paragraph: exports print both alike.
      const visible = flat.flatMap((r) => [...r.text].filter((c) => c.trim() !== '').map(() => r.brackets));
      let whole = p.bracket !== null;
      let covering: string | null = null;
      if (!whole && visible.length > 0) {
        const first = visible[0]!.find((b) => b.group === null && visible.every((bs) => bs.some((x) => x.id === b.id)));
        if (first) {
          whole = true;
          covering = first.id;
        }
      }
      const ordinal = new Map<string, number>();
      for (const r of flat) {
        for (const b of r.brackets) if (b.id !== covering && !ordinal.has(b.id)) ordinal.set(b.id, ordinal.size);
      }
      const text = (runs: InlineRun[]) => {
        const chars = runs.flatMap((r) =>
          [...r.text].map((c) => {
            const space = c.trim() === '';
            const brackets = r.brackets.filter((b) => b.id !== covering);
            return {
              c: space ? ' ' : c,
              b: !space && !!r.bold,
              i: !space && !!r.italic,
              k: brackets
                .map((b) => `${ordinal.get(b.id)}${options.get(b.id) ? `/${options.get(b.id)}` : ''}`)
                .join(','),
            };
          }),
        );
        const out = chars.filter((ch, i) => !(ch.c === ' ' && (i === 0 || chars[i - 1]!.c === ' ')));
        while (out.at(-1)?.c === ' ') out.pop();
        return out.map((ch) => `${ch.c}${ch.b ? 'ᵇ' : ''}${ch.i ? 'ⁱ' : ''}${ch.k ? `{${ch.k}}` : ''}`).join('');
      };
      const blocks = (bs: Block[]): unknown[] =>
        bs.map((b) => (b.type === 'text' ? text(b.runs) : { ordered: b.ordered, items: b.items.map(blocks) }));
      return { number: formatLabel(labels.get(p.id)!), kind: p.kind, whole, blocks: blocks(p.blocks) };
    }),
  }));
}

const proposer = { by: 'secretariat', byName: 'Secretariat', at: 5 };

describe('importing our own exports gives the same structure back', () => {
  for (const format of ['docx', 'md'] as const) {
    const runs = propertyRuns<[RandomText, Language]>(`${format} round trip`, format === 'docx' ? 30 : 50);
    it(
      `property: ${format} export in any of the six languages → import keeps sections, numbers, subparagraphs, brackets, alternatives, emphasis`,
      async () => {
        await fc.assert(
          fc.asyncProperty(randomText, fc.constantFrom(...languages), async ({ draft, governance }, language) => {
            // Statuses, "Option 1:", "7 bis" and objections are printed in the report's language.
            const file = await exportDocument(format, {
              draft,
              governance,
              variant: 'negotiating',
              revision: 'Rev.1',
              generatedAt: new Date(Date.UTC(2026, 4, 6)),
              language,
            });
            const imported = await importDraft(new Uint8Array(file.body), file.fileName, proposer);
            expect(structure(imported.draft)).toEqual(structure(draft));
            expect(imported.title).toBe(governance.meta.title);
          }),
          runs,
        );
      },
      // A bound for a busy shared machine, not a timing check: a case takes a fraction of a second.
      Math.max(180_000, (runs.numRuns ?? 0) * 3_000),
    );
  }
});

describe('a further block of a paragraph that opens with an emphasised number', () => {
  // Found by the md round-trip property in CI (seed 1914151006): "**_2030_**" opening the second
  // block of a bracketed paragraph read back as paragraph number 2030, and the text was lost.
  for (const marks of [{ bold: true }, { bold: true, italic: true }] as const) {
    it(`stays text of the same paragraph in md and docx (${Object.keys(marks).join(' + ')})`, async () => {
      const draft: Draft = {
        sections: [
          {
            id: 's',
            heading: 'II. States',
            paragraphs: [
              {
                id: 'p',
                kind: 'preambular',
                bis: true,
                altGroup: null,
                bracket: { id: 'w', by: 'u', byName: 'Ana', at: 1, group: null },
                blocks: [
                  { type: 'text', runs: [{ text: 'States', brackets: [] }] },
                  {
                    type: 'text',
                    runs: [
                      { text: '2030', ...marks, brackets: [] },
                      { text: ' Agenda', brackets: [] },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      };
      const governance = { meta: { title: 'States', symbol: 'EG/1' }, statuses: {}, locks: {}, objections: [] };
      for (const format of ['md', 'docx'] as const) {
        const file = await exportDocument(format, {
          draft,
          governance,
          variant: 'negotiating',
          revision: 'Rev.1',
          generatedAt: new Date(0),
          language: 'ar',
        });
        const imported = await importDraft(new Uint8Array(file.body), file.fileName, proposer);
        expect(structure(imported.draft), format).toEqual(structure(draft));
      }
    });
  }
});

describe('importing an export in French, Arabic or Chinese', () => {
  it('reads translated numbers, option labels, status lines and objections as our own', async () => {
    const b = (id: string, group: string | null = null) => ({ id, by: 'u', byName: 'Ana', at: 1, group });
    const p = (id: string, runs: InlineRun[], extra: Partial<Paragraph> = {}): Paragraph => ({
      id,
      kind: 'operative',
      bis: false,
      altGroup: null,
      bracket: null,
      blocks: [{ type: 'text', runs }],
      ...extra,
    });
    const draft: Draft = {
      sections: [
        {
          id: 's',
          heading: 'I',
          paragraphs: [
            p('a', [
              { text: 'Les États ', brackets: [] },
              { text: 'doivent', brackets: [b('o1', 'g')] },
              { text: 'peuvent', brackets: [b('o2', 'g')] },
              { text: ' coopérer.', brackets: [] },
            ]),
            p('b', [{ text: 'ينبغي للدول أن تتعاون.', brackets: [] }], { bis: true }),
            p('c', [{ text: '各国应当合作。', brackets: [] }], { bis: true }),
            p('d', [{ text: 'Option one.', brackets: [] }], { altGroup: 'alt' }),
            p('e', [{ text: 'Option two.', brackets: [] }], { altGroup: 'alt' }),
          ],
        },
      ],
    };
    const governance = {
      meta: { title: 'Report', symbol: 'EG/1' },
      statuses: { a: 'agreed_ad_ref' as const },
      locks: { a: { by: { id: 'c', name: 'Carla', affiliation: '' }, at: 1 } },
      objections: [
        {
          id: 'o',
          paragraphId: 'b',
          author: { id: 'm', name: 'Mia', affiliation: 'Chile' },
          reason: 'No.',
          at: 2,
          state: 'standing' as const,
          answer: null,
          withdrawnAt: null,
        },
      ],
    };
    for (const language of ['fr', 'ar', 'zh', 'ru', 'es'] as const) {
      for (const format of ['md', 'docx'] as const) {
        const file = await exportDocument(format, {
          draft,
          governance,
          variant: 'negotiating',
          revision: 'Rev.1',
          generatedAt: new Date(0),
          language,
        });
        const imported = await importDraft(new Uint8Array(file.body), file.fileName, proposer);
        expect(structure(imported.draft), `${format} ${language}`).toEqual(structure(draft));
      }
    }
  });
});

describe('importing a clean report', () => {
  it('gives back the agreed text, numbered 1..n, with no brackets, status lines or DRAFT mark', async () => {
    const text = (id: string, t: string, extra: Partial<Paragraph> = {}): Paragraph => ({
      id,
      kind: 'operative',
      bis: false,
      altGroup: null,
      bracket: null,
      blocks: [{ type: 'text', runs: [{ text: t, brackets: [] }] }],
      ...extra,
    });
    const draft: Draft = {
      sections: [
        {
          id: 's',
          heading: 'I. Agreed',
          paragraphs: [text('a', 'First.'), text('b', 'Second.', { bis: true }), text('c', 'Third.')],
        },
      ],
    };
    const governance = { meta: { title: 'Report', symbol: 'EG/1' }, statuses: {}, locks: {}, objections: [] };
    for (const [format, language] of languages.flatMap((l) => [['docx', l] as const, ['md', l] as const])) {
      const file = await exportDocument(format, {
        draft,
        governance,
        variant: 'clean',
        draftMark: true,
        revision: 'Rev.3',
        generatedAt: new Date(0),
        language,
      });
      const imported = await importDraft(new Uint8Array(file.body), file.fileName, proposer);
      const s = structure(imported.draft);
      expect(s, `${format} ${language}`).toEqual([
        {
          heading: 'I. Agreed',
          paragraphs: [
            { number: '1', kind: 'operative', whole: false, blocks: ['First.'] },
            { number: '2', kind: 'operative', whole: false, blocks: ['Second.'] },
            { number: '3', kind: 'operative', whole: false, blocks: ['Third.'] },
          ],
        },
      ]);
    }
  });
});
