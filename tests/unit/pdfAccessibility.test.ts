import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../server/export/exportDocument.js';
import type { Draft, InlineRun } from '../../shared/model/draft.js';
import { bracket, para } from './fixtures.js';

/**
 * The PDF checked against the machine-checkable conditions of PDF/UA (the Matterhorn protocol's
 * structure, content and metadata checkpoints), read with qpdf: every object of the file as JSON,
 * content streams decoded. veraPDF is not available here; these are the conditions it would check
 * that our PDF can get wrong — untagged text, marked content the structure tree does not reach,
 * right-to-left text without its logical order, a missing language, title or embedded font.
 */
type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue };
interface PdfObject {
  value?: PdfValue;
  stream?: { dict: Record<string, PdfValue>; data?: string };
}

const arabicText = 'ينبغي للدول أن تتعاون في تبادل البيانات.';
const chineseText = '各国应当在数据交换方面开展合作。';
const run = (text: string, ...ids: string[]): InlineRun => ({ text, brackets: ids.map((id) => bracket(id)) });

/** Enough paragraphs for three pages, so marked content and the parent tree span pages. */
function draft(): Draft {
  const english = Array.from({ length: 40 }, (_, i) =>
    para(`e${i}`, [
      run(`States should cooperate on the exchange of data relating to incident ${i}, `),
      run('in good faith', `b${i}`),
      run(' and without undue delay, and report on progress to the group at its next session.'),
    ]),
  );
  return {
    sections: [
      { id: 's1', heading: 'أولاً — المبادئ', paragraphs: [para('ar', [run(arabicText)])] },
      { id: 's2', heading: '二、合作', paragraphs: [para('zh', [run(chineseText)])] },
      { id: 's3', heading: 'III. Cooperation', paragraphs: english },
    ],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'accord-pdfua-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let file = '';
let objects: Record<string, PdfObject> = {};
const ref = (r: PdfValue | undefined): PdfObject => {
  const object = typeof r === 'string' ? objects[`obj:${r}`] : undefined;
  if (!object) throw new Error(`no object ${String(r)}`);
  return object;
};
const dict = (r: PdfValue | undefined): Record<string, PdfValue> => {
  const o = ref(r);
  return (o.value ?? o.stream?.dict ?? {}) as Record<string, PdfValue>;
};
const text = (v: PdfValue | undefined) => (typeof v === 'string' ? v.replace(/^u:/, '') : '');
const allDicts = () =>
  Object.entries(objects).map(([key, o]) => ({
    ref: key.replace(/^obj:/, ''),
    d: (o.value ?? o.stream?.dict ?? {}) as Record<string, PdfValue>,
  }));

beforeAll(async () => {
  const body = (
    await exportDocument('pdf', {
      draft: draft(),
      governance: { meta: { title: 'توصيات الفريق', symbol: 'EG/2026/1' }, statuses: {}, locks: {}, objections: [] },
      variant: 'negotiating',
      revision: 'Rev.1',
      generatedAt: new Date(Date.UTC(2026, 2, 4)),
      language: 'en',
    })
  ).body;
  file = join(dir, 'report.pdf');
  writeFileSync(file, body);
  const json = execFileSync(
    'qpdf',
    ['--json', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file],
    { maxBuffer: 64 * 1024 * 1024 },
  ).toString('utf8');
  objects = (JSON.parse(json) as { qpdf: [unknown, Record<string, PdfObject>] }).qpdf[1];
});

/** The tokens of a content stream: names, numbers, strings, dictionaries' brackets, operators. */
function tokens(content: string): string[] {
  return content.match(/\((?:\\.|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/[\]()<>{}%]+|[^\s/[\]()<>{}%]+/g) ?? [];
}

interface MarkedText {
  /** The marked-content sequences around a text-showing operator, innermost last. */
  around: { tag: string; mcid: number | null }[];
}

/** Walks a page's content: every text-showing operator with the marked content around it, and the MCIDs used. */
function readContent(content: string): { shown: MarkedText[]; mcids: number[] } {
  const stack: { tag: string; mcid: number | null }[] = [];
  const shown: MarkedText[] = [];
  const mcids: number[] = [];
  const operands: string[] = [];
  for (const t of tokens(content)) {
    if (/^[A-Za-z'"*]+$/.test(t) && !/^(true|false|null)$/.test(t)) {
      if (t === 'BMC') stack.push({ tag: operands.at(-1) ?? '', mcid: null });
      else if (t === 'BDC') {
        const tag = operands.find((o) => o.startsWith('/')) ?? '';
        const at = operands.indexOf('/MCID');
        const mcid = at >= 0 ? Number(operands[at + 1]) : null;
        if (mcid !== null) mcids.push(mcid);
        stack.push({ tag, mcid });
      } else if (t === 'EMC') stack.pop();
      else if (['Tj', 'TJ', "'", '"'].includes(t)) shown.push({ around: [...stack] });
      operands.length = 0;
    } else operands.push(t);
  }
  expect(stack, 'every marked-content sequence is closed').toEqual([]);
  return { shown, mcids };
}

const pages = () => allDicts().filter(({ d }) => d['/Type'] === '/Page');
const contentOf = (page: Record<string, PdfValue>) => {
  const refs = Array.isArray(page['/Contents']) ? page['/Contents'] : [page['/Contents']];
  return refs.map((r) => Buffer.from(ref(r).stream?.data ?? '', 'base64').toString('latin1')).join('\n');
};

describe('PDF/UA conditions, checked with qpdf', () => {
  it('is a well-formed file of three pages or more (qpdf --check)', () => {
    expect(execFileSync('qpdf', ['--check', file]).toString()).toContain('No syntax or stream encoding errors');
    expect(pages().length).toBeGreaterThanOrEqual(3);
  });

  it('declares itself tagged, in a language, with its title shown and PDF/UA identification', () => {
    const catalog = allDicts().find(({ d }) => d['/Type'] === '/Catalog')?.d ?? {};
    expect(dict(catalog['/MarkInfo'])['/Marked']).toBe(true);
    expect(text(catalog['/Lang'])).toBe('en');
    expect(dict(catalog['/ViewerPreferences'])['/DisplayDocTitle']).toBe(true);
    expect(dict(catalog['/StructTreeRoot'])['/Type']).toBe('/StructTreeRoot');
    const xmp = Buffer.from(ref(catalog['/Metadata']).stream?.data ?? '', 'base64').toString('utf8');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toMatch(/<dc:title>[\s\S]*توصيات الفريق[\s\S]*<\/dc:title>/);
  });

  it('has no untagged text: every text operator on every page is in tagged content or an artifact', () => {
    let count = 0;
    for (const { ref: at, d } of pages()) {
      const { shown } = readContent(contentOf(d));
      for (const s of shown) {
        count++;
        const tagged = s.around.some((m) => m.mcid !== null);
        const artifact = s.around.some((m) => m.tag === '/Artifact');
        expect(tagged || artifact, `text on page ${at} outside tagged content: ${JSON.stringify(s.around)}`).toBe(true);
        expect(tagged && artifact, `text on page ${at} both tagged and an artifact`).toBe(false);
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('reaches every marked-content id of every page from the structure tree, and back', () => {
    const root = dict(allDicts().find(({ d }) => d['/Type'] === '/Catalog')?.d['/StructTreeRoot']);
    const nums = (root['/ParentTree'] as { '/Nums': PdfValue[] })['/Nums'];
    const parentTree = new Map<number, PdfValue[]>();
    for (let i = 0; i < nums.length; i += 2) parentTree.set(nums[i] as number, nums[i + 1] as PdfValue[]);
    for (const { ref: at, d } of pages()) {
      expect(d['/Tabs'], 'tab order follows the structure').toBe('/S');
      const key = d['/StructParents'];
      expect(typeof key, `page ${at} has /StructParents`).toBe('number');
      const parents = parentTree.get(key as number) ?? [];
      const { mcids } = readContent(contentOf(d));
      expect(new Set(mcids).size, 'no marked-content id twice on a page').toBe(mcids.length);
      for (const mcid of mcids) {
        const element = dict(parents[mcid]);
        expect(element['/Type'] ?? '/StructElem').toBe('/StructElem');
        // The element lists this id among its kids, on this page (its own /Pg or the kid's).
        const kids = (Array.isArray(element['/K']) ? element['/K'] : [element['/K']]) as PdfValue[];
        // A kid on another page than the element's /Pg is a marked-content reference (/MCR).
        const mcr = (k: PdfValue) =>
          typeof k === 'string' ? dict(k) : k !== null && typeof k === 'object' && !Array.isArray(k) ? k : null;
        const listed = kids.some(
          (k) => (k === mcid && element['/Pg'] === at) || (mcr(k)?.['/MCID'] === mcid && mcr(k)?.['/Pg'] === at),
        );
        expect(listed, `MCID ${mcid} of page ${at} is listed by its structure element`).toBe(true);
      }
    }
  });

  it('uses standard structure types, headings in order: one H1, then H2 inside sections', () => {
    const standard = new Set(['/Document', '/Sect', '/H1', '/H2', '/P', '/Span', '/Lbl', '/L', '/LI', '/LBody']);
    const elements = allDicts().filter(({ d }) => d['/S'] !== undefined && d['/P'] !== undefined);
    expect(elements.length).toBeGreaterThan(40);
    for (const { d } of elements) expect(standard, String(d['/S'])).toContain(d['/S']);
    expect(elements.filter(({ d }) => d['/S'] === '/H1')).toHaveLength(1);
    for (const { d } of elements.filter(({ d }) => d['/S'] === '/H2')) expect(dict(d['/P'])['/S']).toBe('/Sect');
  });

  it('gives right-to-left text in logical order (ActualText) and every paragraph in another script its language', () => {
    const elements = allDicts().map(({ d }) => d);
    const arabic = elements.filter((d) => text(d['/ActualText']).includes('تتعاون'));
    expect(arabic).toHaveLength(1);
    expect(text(arabic[0]?.['/ActualText'])).toContain(arabicText);
    expect(text(arabic[0]?.['/Lang'])).toBe('ar');
    expect(elements.some((d) => text(d['/ActualText']) === 'أولاً — المبادئ' && text(d['/Lang']) === 'ar')).toBe(true);
    // Chinese is drawn in logical order already: it needs its language, not ActualText.
    expect(elements.filter((d) => d['/S'] !== undefined && text(d['/Lang']) === 'zh').length).toBeGreaterThanOrEqual(2);
  });

  it('embeds every font it uses (no font left to the reader’s machine)', () => {
    const fonts = allDicts().filter(({ d }) => d['/Type'] === '/FontDescriptor');
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const { d } of fonts)
      expect(d['/FontFile2'] ?? d['/FontFile3'] ?? d['/FontFile'], String(d['/FontName'])).toBeDefined();
  });
});
