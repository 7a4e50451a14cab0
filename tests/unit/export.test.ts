import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import MarkdownIt from 'markdown-it';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { type ExportFormat, exportDocument } from '../../server/export/exportDocument.js';
import { buildReport, lineText, notAgreed, type ReportInput } from '../../server/export/reportModel.js';
import type { Draft, Paragraph } from '../../shared/model/draft.js';
import type { Governance } from '../../shared/model/governance.js';
import { bracket, draftOf, para } from './fixtures.js';

const tricky = `<script>alert("x")</script> & 'quotes' — مرحبا بالعالم שלום 🌍 *not bold* [literal] _x_ \`code\``;

/**
 * Section I: PP1 agreed and locked; 1 with an inline alternative and an objection; 1 bis
 * with a nested bracket; 2 with a list and the escaping cases. Section II: a whole-paragraph
 * alternative (Option 1/2 of 3) and a bracketed paragraph (4).
 */
function draft(): Draft {
  const ps: Paragraph[] = [
    para('pp1', 'Recalling its mandate,', { kind: 'preambular' }),
    para('p1', [
      { text: 'Licences ', brackets: [] },
      { text: 'should', brackets: [bracket('o1', 'g')] },
      { text: 'shall', brackets: [bracket('o2', 'g')] },
      { text: ' be the default.', brackets: [] },
    ]),
    para(
      'p1b',
      [
        { text: 'States ', brackets: [] },
        { text: 'may ', brackets: [bracket('n1')] },
        { text: 'voluntarily', brackets: [bracket('n1'), bracket('n2')] },
        { text: ' report.', brackets: [] },
      ],
      { bis: true },
    ),
    {
      ...para('p2', ''),
      blocks: [
        { type: 'text', runs: [{ text: tricky, brackets: [] }] },
        {
          type: 'list',
          ordered: true,
          items: [
            [{ type: 'text', runs: [{ text: 'first item;', brackets: [] }] }],
            [{ type: 'text', runs: [{ text: 'line one\n- line two', brackets: [] }] }],
          ],
        },
      ],
    },
  ];
  return {
    sections: [
      { id: 's1', heading: 'I. Principles & <aims>', paragraphs: ps },
      {
        id: 's2',
        heading: 'II. Cooperation',
        paragraphs: [
          para('a1', 'Option one text.', { altGroup: 'alt' }),
          para('a2', 'Option two text.', { altGroup: 'alt' }),
          para('p4', 'Whole paragraph in brackets.', { bracket: bracket('pb') }),
        ],
      },
    ],
  };
}

const chair = { id: 'c', name: 'Carla', affiliation: 'Chair' };
function governance(): Governance {
  return {
    meta: { title: 'Recommendations <on> data & "climate"', symbol: 'EG/2026/1' },
    statuses: { pp1: 'agreed', p1: 'under_negotiation' },
    locks: { pp1: { by: chair, at: Date.UTC(2026, 0, 2) } },
    objections: [
      {
        id: 'ob1',
        paragraphId: 'p1',
        author: { id: 'm', name: 'Mia', affiliation: 'Chile' },
        reason: 'Too <strong> & "binding"',
        at: Date.UTC(2026, 0, 3),
        state: 'standing',
        answer: null,
        withdrawnAt: null,
      },
    ],
  };
}

/** The same text once everything is agreed: no brackets, no alternatives, all agreed. */
function agreedDraft(): { draft: Draft; governance: Governance } {
  const d: Draft = {
    sections: [
      { id: 's1', heading: 'I. Principles', paragraphs: [para('p1', 'First.'), para('p2', 'Second.', { bis: true })] },
      { id: 's2', heading: 'II. Cooperation', paragraphs: [para('p3', 'Third.')] },
    ],
  };
  const g: Governance = {
    ...governance(),
    statuses: { p1: 'agreed', p2: 'agreed', p3: 'agreed' },
    locks: {},
    objections: [],
  };
  return { draft: d, governance: g };
}

const input = (extra: Partial<ReportInput> = {}): ReportInput => ({
  draft: draft(),
  governance: governance(),
  variant: 'negotiating',
  revision: 'Rev.2',
  generatedAt: new Date(Date.UTC(2026, 2, 4, 10)),
  ...extra,
});

const text = async (format: ExportFormat, extra: Partial<ReportInput> = {}) =>
  (await exportDocument(format, input(extra))).body.toString('utf8');

const dir = mkdtempSync(join(tmpdir(), 'accord-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the report model', () => {
  it('numbers the negotiating text with bis, PP and shared option numbers', () => {
    const r = buildReport(input());
    const numbers = r.sections.flatMap((s) => s.paragraphs.map((p) => [p.number, p.option]));
    expect(numbers).toEqual([
      ['PP1', null],
      ['1', null],
      ['1 bis', null],
      ['2', null],
      ['3', 1],
      ['3', 2],
      ['4', null],
    ]);
    const p1 = r.sections[0]!.paragraphs[1]!;
    expect(p1.objections).toEqual([
      { author: 'Mia (Chile)', reason: 'Too <strong> & "binding"', at: Date.UTC(2026, 0, 3) },
    ]);
    expect(p1.brackets.map((b) => [b.id, b.option])).toEqual([
      ['o1', 1],
      ['o2', 2],
    ]);
    expect(r.sections[0]!.paragraphs[0]!.lock).toEqual({ byName: 'Carla (Chair)', at: Date.UTC(2026, 0, 2) });
  });

  it('the clean report holds agreed text only, renumbered consecutively', () => {
    const r = buildReport(input({ variant: 'clean', draftMark: true }));
    const rows = r.sections.flatMap((s) =>
      s.paragraphs.map((p) => [
        p.number,
        p.lines.map((l) => l.tokens.map((t) => (t.t === 'text' ? t.text : t.t)).join('')),
      ]),
    );
    expect(rows).toEqual([
      ['PP1', ['Recalling its mandate,']],
      ['1', ['Licences be the default.']],
      ['2', ['States report.']],
      ['3', [tricky, 'first item;', 'line one\n- line two']],
    ]);
    expect(r.sections.flatMap((s) => s.paragraphs).every((p) => p.objections.length === 0 && !p.bracketed)).toBe(true);
  });

  it('prints a bracket that spans subparagraphs once: opened in (a), closed in (b)', () => {
    const across = bracket('x');
    const d: Draft = {
      sections: [
        {
          id: 's',
          heading: 'S',
          paragraphs: [
            {
              ...para('p', 'States shall:'),
              blocks: [
                { type: 'text', runs: [{ text: 'States shall:', brackets: [] }] },
                {
                  type: 'list',
                  ordered: true,
                  items: [
                    [{ type: 'text', runs: [{ text: 'cooperate', brackets: [across] }] }],
                    [{ type: 'text', runs: [{ text: 'report', brackets: [across] }] }],
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const lines = buildReport({ ...input(), draft: d }).sections[0]!.paragraphs[0]!.lines;
    expect(lines.map((l) => `${l.label ?? ''}${lineText(l.tokens)}`)).toEqual([
      'States shall:',
      '(a)[cooperate',
      '(b)report]',
    ]);
  });

  it('lists every paragraph that is not agreed, with its reasons', () => {
    expect(notAgreed(draft(), governance()).map(({ why: _, ...rest }) => rest)).toEqual([
      {
        paragraphId: 'p1',
        number: '1',
        reasons: ['status is "Under negotiation"', 'open brackets', '1 standing objection'],
      },
      { paragraphId: 'p1b', number: '1 bis', reasons: ['status is "Draft"', 'open brackets'] },
      { paragraphId: 'p2', number: '2', reasons: ['status is "Draft"'] },
      { paragraphId: 'a1', number: '3', reasons: ['status is "Draft"', 'unresolved alternative'] },
      { paragraphId: 'a2', number: '3', reasons: ['status is "Draft"', 'unresolved alternative'] },
      { paragraphId: 'p4', number: '4', reasons: ['status is "Draft"', 'open brackets'] },
    ]);
    expect(notAgreed(draft(), governance())[0]?.why).toEqual([
      { code: 'status', status: 'under_negotiation' },
      { code: 'open_brackets' },
      { code: 'standing_objections', count: 1 },
    ]);
    const ok = agreedDraft();
    expect(notAgreed(ok.draft, ok.governance)).toEqual([]);
  });
});

describe('file names and types', () => {
  it('names the file after symbol, revision and variant', async () => {
    const docx = await exportDocument('docx', input());
    expect(docx.fileName).toBe('EG-2026-1-Rev.2-negotiating.docx');
    expect(docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const akn = await exportDocument('akn', input({ variant: 'clean', revision: 'Working text' }));
    expect(akn.fileName).toBe('EG-2026-1-Working-text-clean.akn.xml');
  });
});

describe('DOCX', () => {
  const open = async (extra: Partial<ReportInput> = {}) => {
    const files = unzipSync(new Uint8Array((await exportDocument('docx', input(extra))).body));
    const xml = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    const runs = (name: string) => [...xml(name).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    return { files, xml, runs };
  };

  it('uses Word styles: Title, Heading 1 per section, Numbered Paragraph per paragraph, and a header', async () => {
    const { xml, runs, files } = await open();
    const doc = xml('word/document.xml');
    expect(doc.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(2);
    expect(doc.match(/<w:pStyle w:val="NumberedParagraph"\/>/g)).toHaveLength(7);
    expect(doc.match(/<w:pStyle w:val="Subparagraph"\/>/g)).toHaveLength(2);
    expect(doc.match(/<w:pStyle w:val="ParagraphStatus"\/>/g)).toHaveLength(7);
    expect(xml('word/styles.xml')).toContain('w:styleId="NumberedParagraph"');
    const header = Object.keys(files).find((f) => /word\/header\d*\.xml/.test(f));
    expect(header && runs(header)).toBe('EG/2026/1   Rev.2   March 4, 2026');
    const body = runs('word/document.xml');
    expect(body).toContain('PP1\tRecalling its mandate,');
    expect(body).toContain('1 bis\tStates [may [voluntarily]] report.');
    expect(body).toContain('3 (Option 2)\tOption two text.');
    expect(body).toContain('4\t[Whole paragraph in brackets.]');
    expect(body).toContain('(a)\tfirst item;');
  });

  /** The document's paragraphs: style, properties and text. */
  const paragraphs = (doc: string) =>
    [...doc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
      xml: m[0],
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1] ?? null,
      text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));

  it('writes structural brackets in the Bold "Bracket" character style, typed ones as plain text; objections are footnotes', async () => {
    const { xml, runs } = await open();
    const doc = xml('word/document.xml');
    expect(doc).toContain(
      '<w:r><w:rPr><w:rStyle w:val="Bracket"/></w:rPr><w:t xml:space="preserve">[Option 1: </w:t></w:r>',
    );
    expect(doc).toContain('<w:r><w:rPr><w:rStyle w:val="Bracket"/></w:rPr><w:t xml:space="preserve">]</w:t></w:r>');
    expect(xml('word/styles.xml')).toMatch(/<w:style w:type="character" w:styleId="Bracket">[\s\S]*?<w:b\/>/);
    // "[literal]" was typed: no Bracket style on it.
    expect(doc).toMatch(/<w:r><w:t xml:space="preserve">[^<]*\[literal\][^<]*<\/w:t><\/w:r>/);
    expect(runs('word/document.xml')).toContain('Licences [Option 1: should][Option 2: shall] be the default.');
    expect(doc).toContain('<w:footnoteReference w:id="1"/>');
    expect(xml('word/footnotes.xml')).toContain('<w:pStyle w:val="Objection"/>');
    expect(runs('word/footnotes.xml')).toContain(
      'Objection by Mia (Chile): Too &lt;strong&gt; &amp; &quot;binding&quot;',
    );
  });

  it('sets the document language, numbers the pages and keeps each status line with its paragraph', async () => {
    const { xml, files } = await open();
    expect(xml('word/styles.xml')).toMatch(
      /<w:docDefaults>[\s\S]*<w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"\/>/,
    );
    const footer = Object.keys(files).find((f) => /word\/footer\d*\.xml/.test(f));
    expect(footer && xml(footer)).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const ps = paragraphs(xml('word/document.xml'));
    const statusLines = ps.flatMap((p, i) => (p.style === 'ParagraphStatus' ? [i] : []));
    expect(statusLines).toHaveLength(7);
    for (const i of statusLines) expect(ps[i - 1]!.xml, ps[i - 1]!.text).toContain('<w:keepNext/>');
    // Section headings stay with the paragraph after them.
    expect(xml('word/styles.xml')).toMatch(/w:styleId="Heading1"[\s\S]*?<w:keepNext\/>/);
  });

  it('makes the number column wide enough for its label ("3 (Option 1)", "1 bis") by the font\'s metrics', async () => {
    const { xml } = await open();
    const pdf = new PDFDocument({ autoFirstPage: false });
    pdf.font('Times-Bold').fontSize(11);
    const numbered = paragraphs(xml('word/document.xml')).filter((p) => p.style === 'NumberedParagraph');
    expect(numbered).toHaveLength(7);
    for (const p of numbered) {
      const label = p.text.split('\t')[0]!;
      const hanging = Number(/<w:ind [^>]*w:hanging="(\d+)"/.exec(p.xml)?.[1]);
      // Twips: 20 per point; at least a tenth of an inch between the label and the text.
      expect(pdf.widthOfString(label) * 20 + 144, label).toBeLessThanOrEqual(hanging);
    }
  });

  it('gives each subparagraph depth its own style, and continuation lines no label', async () => {
    const d = draftOf([
      {
        ...para('n', ''),
        blocks: [
          { type: 'text', runs: [{ text: 'States shall:', brackets: [] }] },
          {
            type: 'list',
            ordered: true,
            items: [
              [
                { type: 'text', runs: [{ text: 'cooperate;', brackets: [] }] },
                { type: 'list', ordered: true, items: [[{ type: 'text', runs: [{ text: 'deeply', brackets: [] }] }]] },
                { type: 'text', runs: [{ text: 'more of (a)', brackets: [] }] },
              ],
            ],
          },
          { type: 'text', runs: [{ text: 'and report.', brackets: [] }] },
        ],
      },
    ]);
    const { xml } = await open({ draft: d });
    expect(paragraphs(xml('word/document.xml')).map((p) => [p.style, p.text])).toEqual([
      ['Title', 'Recommendations &lt;on&gt; data &amp; &quot;climate&quot;'],
      ['Subtitle', 'Negotiating text · 1 paragraph · no standing objection'],
      ['Heading1', 'Section 1'],
      ['NumberedParagraph', '1\tStates shall:'],
      ['Subparagraph', '(a)\tcooperate;'],
      ['Subparagraph2', '(i)\tdeeply'],
      ['Subparagraph', 'more of (a)'],
      ['ParagraphContinued', 'and report.'],
      ['ParagraphStatus', 'Draft'],
    ]);
  });

  it('escapes markup and keeps RTL text and emoji', async () => {
    const { runs, xml } = await open();
    expect(runs('word/document.xml')).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos; — مرحبا بالعالم שלום 🌍 *not bold* [literal]',
    );
    expect(xml('word/document.xml')).not.toContain('<script>');
    expect(runs('word/document.xml')).toContain('I. Principles &amp; &lt;aims&gt;');
  });

  it('clean report: no brackets or labels, consecutive numbers; DRAFT mark when asked', async () => {
    const ok = agreedDraft();
    const { runs } = await open({ ...ok, variant: 'clean' });
    const body = runs('word/document.xml');
    expect(body).not.toMatch(/[[\]]|Option|Agreed/);
    expect([...body.matchAll(/(\d+)\t/g)].map((m) => m[1])).toEqual(['1', '2', '3']);
    expect(body).not.toContain('DRAFT');
    const marked = await open({ variant: 'clean', draftMark: true });
    expect(marked.runs('word/document.xml')).toContain('DRAFT — not agreed');
  });
});

describe('PDF', () => {
  const pdftotext = async (extra: Partial<ReportInput> = {}) => {
    const file = join(dir, `t${Math.random().toString(36).slice(2)}.pdf`);
    const body = (await exportDocument('pdf', input(extra))).body;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(file, body);
    return execFileSync('pdftotext', [file, '-']).toString('utf8');
  };

  it('has the numbers, brackets, options, statuses and objections as text', async () => {
    const t = await pdftotext();
    for (const s of [
      'PP1',
      '1 bis',
      '3 (Option 2)',
      'Recalling its mandate,',
      'Agreed · locked',
      'Under negotiation',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).toContain('Licences [Option 1: should][Option 2: shall] be the default.');
    expect(t).toContain('States [may [voluntarily]] report.');
    expect(t).toContain('[Whole paragraph in brackets.]');
    expect(t).toContain('Objection by Mia (Chile): Too <strong> & "binding"');
  });

  it('keeps markup, Arabic, Hebrew and emoji in the text layer', async () => {
    const t = await pdftotext();
    expect(t).toContain(`<script>alert("x")</script> & 'quotes' —`);
    expect(t).toContain('مرحبا بالعالم');
    expect(t).toContain('שלום');
    expect(t).toContain('🌍');
  });

  it('clean report with the DRAFT mark', async () => {
    const t = await pdftotext({ variant: 'clean', draftMark: true });
    expect(t).toContain('DRAFT — not agreed');
    expect(t).not.toMatch(/\[Option|\[may|Under negotiation|Objection/);
  });
});

describe('HTML', () => {
  it('is one self-contained, escaped, printable file', async () => {
    const html = await text('html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=|href="http/);
    expect(html).toContain('@media print');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; — مرحبا بالعالم שלום 🌍 *not bold* [literal]',
    );
    expect(html).toContain('<title>Recommendations &lt;on&gt; data &amp; &quot;climate&quot;</title>');
    expect(html).toContain('Objection by Mia (Chile): Too &lt;strong&gt; &amp; &quot;binding&quot;');
    expect(html).toContain('<span class="opt">Option 1:</span>');
    expect(html).toContain('line one<br>- line two');
  });
});

describe('Markdown', () => {
  const render = async (extra: Partial<ReportInput> = {}) => new MarkdownIt().render(await text('md', extra));

  it('renders in a CommonMark renderer (markdown-it): bold numbers, brackets and option labels as text', async () => {
    const html = await render();
    expect(html).toContain('<h1>Recommendations &lt;on&gt; data &amp; &quot;climate&quot;</h1>');
    expect(html).toContain('<h2>I. Principles &amp; &lt;aims&gt;</h2>');
    expect(html).toContain('<p><strong>PP1</strong> Recalling its mandate,</p>');
    expect(html).toContain('<p><strong>1</strong> Licences [Option 1: should][Option 2: shall] be the default.</p>');
    expect(html).toContain('<p><strong>1 bis</strong> States [may [voluntarily]] report.</p>');
    expect(html).toContain('<p><strong>3 (Option 1)</strong> Option one text.</p>');
    expect(html).toContain('<p><strong>4</strong> [Whole paragraph in brackets.]</p>');
    expect(html).toContain('<p><em>Agreed · locked</em></p>');
    expect(html).toContain(
      '<blockquote>\n<p>Objection by Mia (Chile): Too &lt;strong&gt; &amp; &quot;binding&quot;</p>\n</blockquote>',
    );
  });

  it('keeps text that looks like Markdown as text: no HTML, link, code or emphasis comes out of it', async () => {
    const html = await render();
    expect(html).toContain(
      "<p><strong>2</strong> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'quotes' — مرحبا بالعالم שלום 🌍 *not bold* [literal] _x_ `code`</p>",
    );
    expect(html).not.toMatch(/<script|<a |<code>|<em>not/);
    // Even a viewer that ignores backslash escapes finds no HTML in the file itself.
    expect(await text('md')).not.toContain('<script');
  });

  it('writes subparagraphs as a list whose items start with their label, and a hard break as a line break', async () => {
    const html = await render();
    expect(html).toContain('<ul>\n<li>(a) first item;</li>\n<li>(b) line one<br>\n- line two</li>\n</ul>');
  });

  it('bold and italic next to brackets stay where they were (no ** spanning a bracket)', async () => {
    const d = draftOf([
      para('b1', [
        { text: 'Strongly', bold: true, brackets: [] },
        { text: ' urges', brackets: [] },
        { text: 'all', bold: true, brackets: [bracket('x')] },
        { text: 'States', italic: true, brackets: [bracket('x'), bracket('y')] },
        { text: ' to act', brackets: [bracket('x')] },
        { text: 'now', bold: true, italic: true, brackets: [] },
      ]),
    ]);
    const html = await render({ draft: d });
    expect(html).toContain(
      '<p><strong>1</strong> <strong>Strongly</strong> urges[<strong>all</strong>[<em>States</em>] to act]<strong><em>now</em></strong></p>',
    );
  });

  it('emphasis next to an emoji stays emphasis (mdast-util-to-markdown#68 is worked around)', async () => {
    const d = draftOf([
      para('e1', [
        { text: '🌍', italic: true, brackets: [] },
        { text: 'States and ', brackets: [] },
        { text: '𝐀🌍x', bold: true, brackets: [] },
      ]),
    ]);
    expect(await render({ draft: d })).toContain(
      '<p><strong>1</strong> <em>🌍</em>States and <strong>𝐀🌍x</strong></p>',
    );
  });
});

describe('Akoma Ntoso', () => {
  const parse = (xml: string) =>
    new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['section', 'paragraph', 'p', 'recital', 'subparagraph'].includes(name),
    }).parse(xml);

  it('names the work, expression and manifestation as the AKN naming convention says, with !main', async () => {
    const xml = await text('akn');
    expect(XMLValidator.validate(xml)).toBe(true);
    const root = parse(xml).akomaNtoso;
    expect(root['@_xmlns']).toBe('http://docs.oasis-open.org/legaldocml/ns/akn/3.0');
    const id = root.doc.meta.identification;
    expect(root.doc['@_name']).toBe('report');
    expect(id.FRBRWork.FRBRthis['@_value']).toBe('/akn/un/doc/report/2026-03-04/EG-2026-1/!main');
    expect(id.FRBRWork.FRBRuri['@_value']).toBe('/akn/un/doc/report/2026-03-04/EG-2026-1');
    expect(id.FRBRWork.FRBRnumber['@_value']).toBe('EG/2026/1');
    expect(id.FRBRExpression.FRBRthis['@_value']).toBe('/akn/un/doc/report/2026-03-04/EG-2026-1/eng@2026-03-04/!main');
    expect(id.FRBRExpression.FRBRuri['@_value']).toBe('/akn/un/doc/report/2026-03-04/EG-2026-1/eng@2026-03-04');
    expect(id.FRBRExpression.FRBRlanguage['@_language']).toBe('eng');
    expect(id.FRBRManifestation.FRBRthis['@_value']).toBe(
      '/akn/un/doc/report/2026-03-04/EG-2026-1/eng@2026-03-04/!main.xml',
    );
    expect(id.FRBRManifestation.FRBRuri['@_value']).toBe('/akn/un/doc/report/2026-03-04/EG-2026-1/eng@2026-03-04.akn');
    expect(root.doc.preface.p.map((p: Record<string, unknown>) => p.docNumber ?? p.docTitle ?? p.docStatus)).toEqual([
      'EG/2026/1',
      'Recommendations <on> data & "climate"',
      'Rev.2 · Negotiating text',
    ]);
  });

  it('puts preambular paragraphs in the preamble and derives paragraph eIds from their numbers', async () => {
    const doc = parse(await text('akn')).akomaNtoso.doc;
    const recitals = doc.preamble.recitals.recital;
    expect(recitals.map((r: Record<string, unknown>) => [r['@_eId'], r.num, r['@_GUID']])).toEqual([
      ['rec_PP1', 'PP1', '#pp1'],
    ]);
    // Section I also holds operative paragraphs: its heading stays with them in the body.
    expect(doc.preamble.recitals.intro).toBeUndefined();
    const sections = doc.mainBody.section;
    expect(sections.map((s: { '@_eId': string }) => s['@_eId'])).toEqual(['sec_1', 'sec_2']);
    expect(sections[0].heading).toBe('I. Principles & <aims>');
    const paragraphs = sections.flatMap((s: { paragraph: Record<string, unknown>[] }) => s.paragraph);
    expect(paragraphs.map((p: Record<string, unknown>) => [p['@_eId'], String(p.num)])).toEqual([
      ['para_1', '1'],
      ['para_1bis', '1 bis'],
      ['para_2', '2'],
      ['para_3-Option1', '3 (Option 1)'],
      ['para_3-Option2', '3 (Option 2)'],
      ['para_4', '4'],
    ]);
  });

  it('writes subparagraphs as AKN subparagraphs with their own eIds and nums', async () => {
    const doc = parse(await text('akn')).akomaNtoso.doc;
    const p2 = doc.mainBody.section[0].paragraph[2];
    expect(p2.intro.p[0]).toContain('<script>alert("x")</script>');
    expect(p2.subparagraph.map((s: Record<string, unknown>) => [s['@_eId'], s.num])).toEqual([
      ['para_2__subpara_a', '(a)'],
      ['para_2__subpara_b', '(b)'],
    ]);
    expect(p2.subparagraph[0].content.p).toEqual(['first item;']);
  });

  it('keeps the whole-paragraph bracket and inline brackets in the body', async () => {
    const xml = await text('akn');
    expect(xml).toContain(
      '<p><inline name="bracketOpen">[</inline>Whole paragraph in brackets.<inline name="bracketClose">]</inline></p>',
    );
    expect(xml).toContain('<inline name="bracketOpen" class="option option1">[Option 1: </inline>should');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; — مرحبا');
  });

  it('holds statuses, locks, brackets and objections in the proprietary block', async () => {
    const root = parse(await text('akn')).akomaNtoso;
    const negotiation = root.doc.meta.proprietary['accord:negotiation'];
    expect(root.doc.meta.proprietary['@_source']).toBe('#accord');
    expect(negotiation['@_revision']).toBe('Rev.2');
    const ps = negotiation['accord:paragraph'];
    expect(ps.map((p: { '@_status': string }) => p['@_status'])).toEqual([
      'agreed',
      'under_negotiation',
      'draft',
      'draft',
      'draft',
      'draft',
      'draft',
    ]);
    expect(ps[0]['accord:lock']).toMatchObject({ '@_by': 'Carla (Chair)', '@_at': '2026-01-02T00:00:00.000Z' });
    expect(
      ps[1]['accord:bracket'].map((b: { '@_id': string; '@_option': string }) => [b['@_id'], b['@_option']]),
    ).toEqual([
      ['o1', '1'],
      ['o2', '2'],
    ]);
    expect(ps[1]['accord:objection']).toMatchObject({ '#text': 'Too <strong> & "binding"', '@_by': 'Mia (Chile)' });
    expect(ps[6]['accord:bracket']).toMatchObject({ '@_id': 'pb', '@_whole': 'true' });
    expect(ps.map((p: { '@_href': string }) => p['@_href'])).toEqual([
      '#rec_PP1',
      '#para_1',
      '#para_1bis',
      '#para_2',
      '#para_3-Option1',
      '#para_3-Option2',
      '#para_4',
    ]);
  });

  it('clean report: agreed text only, numbered 1..n, no negotiation metadata', async () => {
    const ok = agreedDraft();
    const xml = await text('akn', { ...ok, variant: 'clean' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const root = parse(xml).akomaNtoso;
    const nums = root.doc.mainBody.section.flatMap((s: { paragraph: { num: unknown }[] }) =>
      s.paragraph.map((p) => String(p.num)),
    );
    expect(nums).toEqual(['1', '2', '3']);
    expect(xml).not.toContain('bracketOpen');
    expect(xml).not.toContain('<accord:paragraph');
  });
});
