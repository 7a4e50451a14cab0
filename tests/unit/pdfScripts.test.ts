import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../server/export/exportDocument.js';
import { PdfFontConfigError, parsePdfFontList, pdfFontList } from '../../server/export/pdfFonts.js';
import type { ReportInput } from '../../server/export/reportModel.js';
import type { Language } from '../../shared/i18n/languages.js';
import type { Draft, InlineRun } from '../../shared/model/draft.js';
import type { Governance } from '../../shared/model/governance.js';
import { bracket, para } from './fixtures.js';

/**
 * The PDF read back with poppler (pdftotext -bbox, pdffonts, pdfinfo, pdftohtml, pdftoppm):
 * right-to-left order and mirrored brackets (UAX #9 through bidi-js), Chinese in an embedded CJK
 * font with line breaks between ideographs, joined Arabic letters, a tagged structure with a
 * language and bookmarks, and a DRAFT watermark that is no text.
 */
const dir = mkdtempSync(join(tmpdir(), 'accord-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (text: string, ...ids: string[]): InlineRun => ({ text, brackets: ids.map((id) => bracket(id)) });
const option = (text: string, id: string): InlineRun => ({ text, brackets: [bracket(id, 'g')] });

const arabic = 'ينبغي للدول ';
const chinese =
  '在数据交换方面开展合作，并定期报告进展情况。这是一段较长的中文文本，用于检验中文字符之间的换行，以及标点符号不出现在行首。';

function draft(): Draft {
  return {
    sections: [
      {
        id: 's1',
        heading: 'أولاً — المبادئ',
        paragraphs: [
          para('ar', [run(arabic), run('أن تتعاون', 'b1'), run(' في تبادل البيانات.')]),
          para('mix', [run('تؤكد الدول أن '), run('open data', 'b2'), run(' مهمة (2030).')]),
        ],
      },
      {
        id: 's2',
        heading: '二、合作',
        paragraphs: [para('zh', [run('各国'), option('应当', 'o1'), option('可以', 'o2'), run(chinese)])],
      },
    ],
  };
}

const governance = (): Governance => ({
  meta: { title: 'توصيات الفريق', symbol: 'EG/2026/1' },
  statuses: {},
  locks: {},
  objections: [],
});

async function pdf(language: Language, extra: Partial<ReportInput> = {}): Promise<string> {
  const file = join(dir, `${language}-${Math.random().toString(36).slice(2)}.pdf`);
  const body = (
    await exportDocument('pdf', {
      draft: draft(),
      governance: governance(),
      variant: 'negotiating',
      revision: 'Rev.1',
      generatedAt: new Date(Date.UTC(2026, 2, 4)),
      language,
      ...extra,
    })
  ).body;
  writeFileSync(file, body);
  return file;
}

const tool = (name: string, ...args: string[]) => execFileSync(name, args).toString('utf8');

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Words as poppler places them: their characters in visual order, left to right. */
function words(file: string): Word[] {
  const xml = tool('pdftotext', '-bbox', file, '-');
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    (m) => ({
      text: m[4]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
    }),
  );
}

/** The word holding these letters (poppler writes an Arabic word's letters right to left, reversed). */
const wordWith = (ws: Word[], letters: string): Word => {
  const found = ws.find((w) => w.text.includes([...letters].reverse().join('')) || w.text.includes(letters));
  if (!found) throw new Error(`no word with ${letters} in ${ws.map((w) => w.text).join(' ')}`);
  return found;
};

describe('PDF: right-to-left text', () => {
  it('an Arabic bracketed phrase: the opening bracket on its right, the closing one on its left, both mirrored', async () => {
    const ws = words(await pdf('en'));
    const first = wordWith(ws, 'أن'); // the phrase's first (rightmost) word
    const last = wordWith(ws, 'تتعاون'); // its last (leftmost) word
    expect(first.xMin).toBeGreaterThan(last.xMax);
    // The opening bracket (logical "[") ends the rightmost word, drawn as the mirrored glyph "]".
    expect(first.text.at(-1)).toBe(']');
    // The closing bracket (logical "]") starts the leftmost word, drawn as "[".
    expect(last.text[0]).toBe('[');
    // The words before and after the phrase are outside it: "للدول" right of it, "في" left of it.
    expect(wordWith(ws, 'للدول').xMin).toBeGreaterThan(first.xMax);
    expect(wordWith(ws, 'في').xMax).toBeLessThan(last.xMin);
    // The final full stop is on the left of the line's last word.
    expect(wordWith(ws, 'البيانات').text[0]).toBe('.');
  });

  it('a mixed Arabic/English paragraph: the English phrase in its place, the number and full stop on the left', async () => {
    const open = words(await pdf('en')).find((w) => w.text.includes('open'))!;
    // The words of that line only.
    const ws = words(await pdf('en')).filter((w) => Math.abs(w.yMin - open.yMin) < 4);
    const data = ws.find((w) => w.text.includes('data'))!;
    expect(open.xMax).toBeLessThan(data.xMin); // English reads left to right inside the Arabic line
    expect(wordWith(ws, 'أن').xMin).toBeGreaterThan(data.xMax); // "أن" comes before it, on its right
    expect(wordWith(ws, 'مهمة').xMax).toBeLessThan(open.xMin); // "مهمة" after it, on its left
    const end = ws.find((w) => w.text.includes('2030'))!;
    expect(end.text).toBe('.(2030)'); // mirrored parentheses, full stop leftmost
    expect(end.xMax).toBeLessThan(wordWith(ws, 'مهمة').xMin);
  });

  it('an Arabic paragraph has its number on the right, an English report keeps its header on the right', async () => {
    const ws = words(await pdf('en'));
    const number = ws.find((w) => w.text === '1')!;
    expect(number.xMin).toBeGreaterThan(wordWith(ws, 'ينبغي').xMax);
  });

  it('Arabic letters are joined: a word is as wide as fontkit shapes it, not as its isolated letters', async () => {
    const ws = words(await pdf('en'));
    const naskh = fontkit.openSync('/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf');
    if (!('layout' in naskh)) throw new Error('not a font');
    const em = (s: string) => (naskh.layout(s).advanceWidth / naskh.unitsPerEm) * 11;
    const word = 'للدول';
    const isolated = [...word].reduce((n, c) => n + em(c), 0);
    const drawn = wordWith(ws, word);
    expect(drawn.xMax - drawn.xMin).toBeCloseTo(em(word), 0);
    expect(Math.abs(drawn.xMax - drawn.xMin - isolated)).toBeGreaterThan(2);
    // And the text layer gives the letters back (poppler orders them logically).
    expect(tool('pdftotext', await pdf('en'), '-')).toContain('ينبغي للدول');
  });
});

describe('PDF: Chinese', () => {
  it('embeds a CJK font that has every character; no box is drawn', async () => {
    const file = await pdf('zh');
    expect(tool('pdffonts', file)).toMatch(/NotoSerifCJK\S*\s+CID Type 0C\s+Identity-H\s+yes/);
    const text = tool('pdftotext', file, '-').replace(/\s+/g, '');
    expect(text).toContain(`各国[备选案文1：应当][备选案文2：可以]${chinese}`);
    expect(text).not.toContain('□');
    const cjk = pdfFontList().find((f) => f.path.includes('CJK'))!;
    const font = fontkit.openSync(cjk.path, cjk.postscriptName ?? undefined);
    if (!('hasGlyphForCodePoint' in font)) throw new Error('not a font');
    for (const ch of `各国备选案文应当可以${chinese}`)
      expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
  });

  it('breaks Chinese lines between ideographs, within the margins, never before "，" or "。"', async () => {
    const ws = words(await pdf('zh'));
    const lines = ws.filter((w) => /[\u4e00-\u9fff]/.test(w.text) && w.yMin > 150);
    const rows = [...new Set(lines.map((w) => Math.round(w.yMin)))];
    expect(rows.length).toBeGreaterThan(1);
    for (const w of ws) expect(w.xMax).toBeLessThanOrEqual(595.28 - 56 + 0.5);
    const starts = rows.map((y) => lines.filter((w) => Math.round(w.yMin) === y).sort((a, b) => a.xMin - b.xMin)[0]!);
    for (const s of starts) expect(s.text[0]).not.toMatch(/[，。、：]/);
  });
});

describe('PDF: tagged, with a language and bookmarks', () => {
  it('pdfinfo: Tagged yes, a structure tree of headings and paragraphs; the catalog says the language', async () => {
    const file = await pdf('ar');
    expect(tool('pdfinfo', file)).toMatch(/Tagged:\s+yes/);
    const struct = tool('pdfinfo', '-struct', file);
    for (const tag of ['Document', 'H1', 'Sect', 'H2', 'P']) expect(struct).toContain(tag);
    const catalog = /<<\s*\/Type \/Catalog[\s\S]*?>>/.exec(readFileSync(file, 'latin1'))?.[0] ?? '';
    expect(catalog).toContain('/Lang (ar)');
    expect(catalog).toContain('/MarkInfo');
    expect(tool('pdfinfo', '-meta', file)).toContain('<pdfaid:part>2</pdfaid:part>');
  });

  it('has a bookmark per section (pdftohtml -xml lists the outline)', async () => {
    const xml = tool('pdftohtml', '-xml', '-stdout', '-i', await pdf('fr'));
    const outline = /<outline>([\s\S]*?)<\/outline>/.exec(xml)?.[1] ?? '';
    expect([...outline.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1])).toEqual([
      'أولاً — المبادئ',
      '二、合作',
    ]);
  });

  it('the DRAFT watermark is an artifact drawn as shapes: seen on every page, not in the text', async () => {
    const long: Draft = {
      sections: [
        { id: 's', heading: 'I', paragraphs: Array.from({ length: 60 }, (_, i) => para(`p${i}`, `Paragraph ${i}.`)) },
      ],
    };
    const file = await pdf('en', {
      draft: long,
      governance: {
        ...governance(),
        statuses: Object.fromEntries(long.sections[0]!.paragraphs.map((p) => [p.id, 'agreed'])),
      },
      variant: 'clean',
      draftMark: true,
    });
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', file))?.[1]);
    expect(pages).toBeGreaterThan(1);
    // Once, under the title, as text; never as the watermark (no stray rotated letters either:
    // nothing else on these pages has a D or an F).
    const text = tool('pdftotext', file, '-');
    expect(text.match(/DRAFT — not agreed/g)).toHaveLength(1);
    expect(text.match(/[DF]/g)).toEqual(['D', 'F']);
    // Each page shows it: reddish pixels around the page's centre.
    execFileSync('pdftoppm', ['-r', '24', file, join(dir, 'wm')]);
    for (let page = 1; page <= pages; page++) {
      const ppm = readFileSync(join(dir, `wm-${page}.ppm`));
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 30).toString('latin1'))!;
      const [width, height] = [Number(header[1]), Number(header[2])];
      const data = ppm.subarray(header[0].length);
      let reddish = 0;
      for (let y = Math.floor(height * 0.3); y < height * 0.7; y++) {
        for (let x = Math.floor(width * 0.2); x < width * 0.8; x++) {
          const i = (y * width + x) * 3;
          if (data[i]! > 200 && data[i]! - data[i + 1]! > 15) reddish++;
        }
      }
      expect(reddish, `page ${page}`).toBeGreaterThan(20);
    }
  });
});

describe('PDF fonts are configured (PDF_FONTS)', () => {
  it('refuses a missing file, a collection without a face and a bad style, naming each', () => {
    expect(() => parsePdfFontList('/nowhere/font.ttf', true)).toThrow(PdfFontConfigError);
    expect(() => parsePdfFontList('/nowhere/font.ttf', true)).toThrow(/"\/nowhere\/font.ttf": no such file/);
    expect(() => parsePdfFontList('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', true)).toThrow(
      /a collection: name a face \(.*NotoSerifCJKsc-Regular/,
    );
    expect(() => parsePdfFontList('/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf@heavy', true)).toThrow(
      /expected path/,
    );
  });

  it('uses the listed faces only: without a CJK face Chinese is a box, its text kept', async () => {
    const fonts = parsePdfFontList('/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf', true);
    const body = (
      await exportDocument(
        'pdf',
        {
          draft: draft(),
          governance: governance(),
          variant: 'negotiating',
          revision: 'Rev.1',
          generatedAt: new Date(0),
          language: 'zh',
        },
        { pdf: { fonts } },
      )
    ).body;
    const file = join(dir, 'dejavu-only.pdf');
    writeFileSync(file, body);
    expect(tool('pdffonts', file)).not.toContain('CJK');
    // Each box keeps its character as ActualText (poppler prints such spans as words of their own).
    const text = tool('pdftotext', file, '-');
    for (const ch of '各国合作') expect(text).toContain(ch);
  });
});
