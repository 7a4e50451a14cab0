import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../server/export/markdownExport.js';
import {
  buildReport,
  heading,
  lineText,
  paragraphLabel,
  type Report,
  type Token as ReportToken,
} from '../../server/export/reportModel.js';
import { propertyRuns } from '../support/propertyRuns.js';
import { randomText } from '../support/randomDraft.js';

const md = new MarkdownIt();
type Token = ReturnType<typeof md.parse>[number];

interface Char {
  c: string;
  bold: boolean;
  italic: boolean;
}

/** What markdown-it made of one inline run: characters with the emphasis it rendered around them. */
function renderedChars(inline: Token): Char[] {
  const out: Char[] = [];
  let bold = 0;
  let italic = 0;
  for (const t of inline.children ?? []) {
    if (t.type === 'strong_open') bold++;
    else if (t.type === 'strong_close') bold--;
    else if (t.type === 'em_open') italic++;
    else if (t.type === 'em_close') italic--;
    else if (t.type === 'text') for (const c of t.content) out.push({ c, bold: bold > 0, italic: italic > 0 });
    else if (t.type === 'hardbreak' || t.type === 'softbreak')
      out.push({ c: '\n', bold: bold > 0, italic: italic > 0 });
    else throw new Error(`markdown-it made a ${t.type} out of plain text`);
  }
  return out;
}

function expectedChars(tokens: ReportToken[]): Char[] {
  return tokens.flatMap((t) =>
    t.t === 'text'
      ? [...t.text].map((c) => ({ c, bold: t.bold, italic: t.italic }))
      : [...lineText([t])].map((c) => ({ c, bold: false, italic: false })),
  );
}

/** Emphasis on spaces is invisible and Markdown cannot always express it; paragraph edges are trimmed. */
function normalise(chars: Char[]): string {
  const s = chars.map((x) => (x.c.trim() === '' ? ' ' : `${x.c}${x.bold ? 'ᵇ' : ''}${x.italic ? 'ⁱ' : ''}`)).join('');
  return s.replace(/ +/g, ' ').trim();
}

/** Every paragraph of the rendered page in order, with how deep in lists it sits. */
function renderedParagraphs(tokens: Token[]): { depth: number; inline: Token }[] {
  const out: { depth: number; inline: Token }[] = [];
  let depth = 0;
  tokens.forEach((t, i) => {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') depth++;
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') depth--;
    else if (t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') out.push({ depth, inline: t });
  });
  return out;
}

/** The paragraphs the report should render to, in order, as plain text with their list depth. */
interface Expected {
  depth: number;
  text: string;
  /** A paragraph's first line, after its number. */
  first?: Char[];
}

function expectedParagraphs(r: Report): Expected[] {
  const out: Expected[] = [{ depth: 0, text: heading(r, 'iso').join(' · ') }];
  for (const s of r.sections) {
    for (const p of s.paragraphs) {
      const lines = p.lines.map((l, i) => {
        const label = l.label && l.label !== '•' ? `${l.label} ` : '';
        const open = i === 0 && p.bracketed ? '[' : '';
        const close = i === p.lines.length - 1 && p.bracketed ? ']' : '';
        return { depth: l.depth, text: `${label}${open}${lineText(l.tokens)}${close}` };
      });
      lines[0]!.text = `${paragraphLabel(p)} ${lines[0]!.text}`;
      const bracket = (c: string): Char => ({ c, bold: false, italic: false });
      const first = [...(p.bracketed ? [bracket('[')] : []), ...expectedChars(p.lines[0]!.tokens)];
      if (p.bracketed && p.lines.length === 1) first.push(bracket(']'));
      out.push(...lines.map((l, i) => ({ depth: l.depth, text: l.text.trim(), ...(i === 0 ? { first } : {}) })));
      out.push({ depth: 0, text: `${p.statusLabel}${p.locked ? ' · locked' : ''}` });
      for (const o of p.objections) out.push({ depth: 0, text: `Objection by ${o.author}: ${o.reason}`.trim() });
    }
  }
  return out;
}

describe('Markdown export, rendered by markdown-it', () => {
  it('property: every paragraph, subparagraph, bracket, bold and italic of a random text renders as written', () => {
    fc.assert(
      fc.property(randomText, ({ draft, governance }) => {
        const r = buildReport({
          draft,
          governance,
          variant: 'negotiating',
          revision: 'Rev.1',
          generatedAt: new Date(0),
        });
        const tokens = md.parse(exportMarkdown(r), {});
        const headings = tokens.filter((t, i) => t.type === 'inline' && tokens[i - 1]?.type.startsWith('heading'));
        expect(
          headings.map((h) =>
            renderedChars(h)
              .map((c) => c.c)
              .join(''),
          ),
        ).toEqual([r.title, ...r.sections.map((s) => s.heading)]);
        const rendered = renderedParagraphs(tokens);
        const expected = expectedParagraphs(r);
        const plain = (chars: Char[]) => normalise(chars).replace(/[ᵇⁱ]/g, '');
        expect(rendered.map((p) => ({ depth: p.depth, text: plain(renderedChars(p.inline)) }))).toEqual(
          expected.map((p) => ({ depth: p.depth, text: p.text.replace(/\s+/g, ' ') })),
        );
        // Emphasis, character by character, in each paragraph's first line (after its bold number).
        expected.forEach((e, i) => {
          if (!e.first) return;
          const chars = renderedChars(rendered[i]!.inline);
          const number = chars.findIndex((c) => !c.bold);
          expect(normalise(chars.slice(number))).toBe(normalise(e.first));
        });
      }),
      propertyRuns('markdown rendering', 60),
    );
  }, 180_000);
});
