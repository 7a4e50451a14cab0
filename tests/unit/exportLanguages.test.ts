import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { type ExportFormat, exportDocument } from '../../server/export/exportDocument.js';
import type { ReportInput } from '../../server/export/reportModel.js';
import { type Language, languages } from '../../shared/i18n/languages.js';
import type { Draft } from '../../shared/model/draft.js';
import type { Governance } from '../../shared/model/governance.js';
import { bracket, para } from './fixtures.js';

/**
 * Exports in the six languages: the vocabulary comes from the `export` catalogs and every file
 * declares its language (DOCX w:lang and w:bidi/w:rtl, HTML lang/dir, AKN FRBRlanguage, Markdown).
 */
const hostile = "{author} $t(status.agreed) {{reason}} '{' <b>x</b>";

function draft(): Draft {
  return {
    sections: [
      {
        id: 's1',
        heading: 'أولاً — المبادئ',
        paragraphs: [
          para('p1', [
            { text: 'ينبغي للدول ', brackets: [] },
            { text: 'أن تتعاون', brackets: [bracket('b1')] },
            { text: ' في تبادل البيانات.', brackets: [] },
          ]),
          para('p2', [
            { text: 'Licences ', brackets: [] },
            { text: 'should', brackets: [bracket('o1', 'g')] },
            { text: 'shall', brackets: [bracket('o2', 'g')] },
            { text: ' be open.', brackets: [] },
          ]),
          para('p3', '各国应当合作。', { bis: true }),
          para('p4', 'Second inserted paragraph.', { bis: true }),
          para('a1', 'Option one.', { altGroup: 'alt' }),
          para('a2', 'Option two.', { altGroup: 'alt' }),
        ],
      },
    ],
  };
}

const governance = (): Governance => ({
  meta: { title: 'توصيات', symbol: 'EG/2026/1' },
  statuses: { p1: 'agreed_ad_ref', p2: 'under_negotiation' },
  locks: { p1: { by: { id: 'c', name: 'Carla', affiliation: '' }, at: 1 } },
  objections: [
    {
      id: 'ob1',
      paragraphId: 'p2',
      author: { id: 'm', name: 'Mia', affiliation: 'Chile' },
      reason: hostile,
      at: 2,
      state: 'standing',
      answer: null,
      withdrawnAt: null,
    },
  ],
});

const input = (language: Language, extra: Partial<ReportInput> = {}): ReportInput => ({
  draft: draft(),
  governance: governance(),
  variant: 'negotiating',
  revision: 'Rev.1',
  generatedAt: new Date(Date.UTC(2026, 2, 4)),
  language,
  ...extra,
});

const text = async (format: ExportFormat, language: Language, extra: Partial<ReportInput> = {}) =>
  (await exportDocument(format, input(language, extra))).body.toString('utf8');

/** What each language prints for the fixture's vocabulary (from the catalogs, reviewed by hand). */
const expected: Record<Language, { status: string; option: string; inserted: string; label: string; mark: string }> = {
  en: {
    status: 'Agreed ad referendum',
    option: '[Option 1: ',
    inserted: '2 ter',
    label: '3 (Option 2)',
    mark: 'DRAFT',
  },
  fr: {
    status: 'Convenu ad referendum',
    option: '[Option 1 : ',
    inserted: '2 ter',
    label: '3 (option 2)',
    mark: 'PROJET',
  },
  es: {
    status: 'Acordado ad referéndum',
    option: '[Opción 1: ',
    inserted: '2 ter',
    label: '3 (opción 2)',
    mark: 'BORRADOR',
  },
  ru: {
    status: 'Согласовано ad referendum',
    option: '[Вариант 1: ',
    inserted: '2 тер',
    label: '3 (вариант 2)',
    mark: 'ПРОЕКТ',
  },
  ar: {
    status: 'متفق عليه رهناً بالاستشارة',
    option: '[الخيار 1: ',
    inserted: '2 مكرراً ثانياً',
    label: '3 (الخيار 2)',
    mark: 'مشروع',
  },
  zh: { status: '待核准商定', option: '[备选案文1： ', inserted: '2之三', label: '3（备选案文2）', mark: '草案' },
};

describe('export vocabulary in six languages', () => {
  it.each(languages)(
    '%s: statuses, option labels, bis/ter and whole-paragraph options from the catalogs',
    async (lang) => {
      const e = expected[lang];
      const html = await text('html', lang);
      expect(html).toContain(e.status);
      expect(html).toContain(e.inserted);
      expect(html).toContain(e.label);
      const md = await text('md', lang);
      expect(md).toContain(e.option);
      expect(md).toContain(e.status);
      const marked = await text('html', lang, { variant: 'clean', draftMark: true });
      expect(marked).toContain(e.mark);
      if (lang !== 'en') {
        expect(`${html}${md}`).not.toMatch(
          /Option \d:|\(Option \d\)|Objection by|Agreed|Under negotiation|Negotiating/,
        );
      }
    },
  );

  it('prints hostile text in a message verbatim: values are never read as ICU or i18next syntax', async () => {
    for (const lang of languages) {
      const html = await text('html', lang);
      expect(html, lang).toContain('{author} $t(status.agreed) {{reason}} &#39;{&#39; &lt;b&gt;x&lt;/b&gt;');
      expect(html, lang).toContain('Mia (Chile)');
    }
  });
});

describe('each file declares its language', () => {
  const docx = async (lang: Language) => {
    const files = unzipSync(new Uint8Array((await exportDocument('docx', input(lang))).body));
    return (name: string) => strFromU8(files[name] ?? new Uint8Array());
  };

  it('DOCX: w:lang of the report language; Arabic paragraphs w:bidi and Arabic runs w:rtl, English ones neither', async () => {
    const fr = await docx('fr');
    expect(fr('word/styles.xml')).toMatch(/<w:lang w:val="fr-FR" w:eastAsia="zh-CN" w:bidi="ar-SA"\/>/);
    const ar = await docx('ar');
    expect(ar('word/styles.xml')).toMatch(/<w:lang w:val="ar-SA"/);
    const body = ar('word/document.xml');
    const paragraphs = [...body.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((m) => m[1] ?? m[2] ?? '');
    const find = (needle: string) => paragraphs.find((p) => p.includes(needle)) ?? '';
    // The Arabic paragraph runs right to left, its Arabic runs are complex-script RTL.
    expect(find('ينبغي للدول')).toContain('<w:bidi/>');
    expect(find('ينبغي للدول')).toMatch(/<w:rPr><w:rtl\/><\/w:rPr><w:t xml:space="preserve">ينبغي للدول <\/w:t>/);
    // The English paragraph in the Arabic report stays left to right; its English runs are not RTL.
    const english = find('be open.');
    expect(english).not.toContain('<w:bidi/>');
    expect(english).toMatch(/<w:t xml:space="preserve">Licences <\/w:t>/);
    expect(english).not.toMatch(/<w:rtl\/><\/w:rPr><w:t xml:space="preserve">Licences/);
    // The report's own words (status line) are Arabic and right to left.
    expect(find('متفق عليه رهناً بالاستشارة')).toContain('<w:bidi/>');
    // The footer says "page n of m" in Arabic around Word's PAGE and NUMPAGES fields.
    const footer = Object.keys(unzipSync(new Uint8Array((await exportDocument('docx', input('ar'))).body))).find((f) =>
      f.startsWith('word/footer'),
    )!;
    expect(ar(footer)).toContain('الصفحة ');
    expect(ar(footer)).toMatch(/PAGE[\s\S]*من[\s\S]*NUMPAGES/);
  });

  it('HTML: lang and dir on <html>, each paragraph dir="auto"', async () => {
    expect(await text('html', 'ar')).toMatch(/<html lang="ar" dir="rtl">/);
    expect(await text('html', 'zh')).toMatch(/<html lang="zh" dir="ltr">/);
    expect(await text('html', 'ar')).toContain('<p class="line sub" dir="auto"');
  });

  it('AKN: FRBRlanguage and the expression IRI in ISO 639-2; eIds the same in every language', async () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const eIds = new Set<string>();
    const codes: Record<Language, string> = { ar: 'ara', zh: 'zho', en: 'eng', fr: 'fra', ru: 'rus', es: 'spa' };
    for (const lang of languages) {
      const xml = await text('akn', lang);
      const id = parser.parse(xml).akomaNtoso.doc.meta.identification;
      expect(id.FRBRExpression.FRBRlanguage['@_language']).toBe(codes[lang]);
      expect(id.FRBRExpression.FRBRthis['@_value']).toContain(`/${codes[lang]}@2026-03-04/!main`);
      eIds.add([...xml.matchAll(/eId="([^"]+)"/g)].map((m) => m[1]).join(' '));
    }
    expect(eIds.size).toBe(1);
    expect([...eIds][0]).toContain('para_2ter');
  });

  it('Markdown: a first-line link definition with lang and dir, which renders as nothing', async () => {
    const md = await text('md', 'ar');
    expect(md.split('\n')[0]).toBe('[//]: # "lang: ar; dir: rtl"');
    expect((await text('md', 'ru')).split('\n')[0]).toBe('[//]: # "lang: ru; dir: ltr"');
    const html = new MarkdownIt().render(md);
    expect(html).not.toContain('lang:');
    expect(html).toMatch(/^<h1>توصيات<\/h1>/);
  });

  it('file names stay ASCII whatever the language and title', async () => {
    for (const lang of languages) {
      const f = await exportDocument('pdf', input(lang, { revision: 'Zero draft' }));
      expect(f.fileName).toMatch(/^[A-Za-z0-9.-]+$/);
    }
  });
});
