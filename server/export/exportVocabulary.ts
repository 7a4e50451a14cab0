import type { TFunction } from 'i18next';
import { createI18n } from '../../shared/i18n/createI18n.js';
import { exportCatalogs } from '../../shared/i18n/exportCatalogs.js';
import { directionOf, type Language } from '../../shared/i18n/languages.js';
import type { ParagraphStatus } from '../../shared/model/governance.js';
import { latinSuffix } from '../../shared/model/numbering.js';

/**
 * Everything an export prints that is not the group's own text, in one language, from the
 * `export` catalogs (shared/i18n/locales/<lang>/export.json). The formats never hold an English
 * word of their own: a status, an option label, "bis", a page label all come from here.
 */
export interface ExportVocabulary {
  language: Language;
  direction: 'ltr' | 'rtl';
  negotiatingText: string;
  report: string;
  draftMark: string;
  group: string;
  page(page: number, total: number): string;
  /** The page label split around its two numbers, for DOCX's PAGE/NUMPAGES fields. */
  pageParts(): { before: string; between: string; after: string };
  summary(paragraphs: number, objections: number): string;
  status(status: ParagraphStatus): string;
  statusLine(status: ParagraphStatus, locked: boolean): string;
  /** "7 bis" → "7 مكرراً", "PP2 ter" → "PP2 ter": the neutral number of numberDraft, localised. */
  paragraphNumber(neutral: string): string;
  /** The number with its option of a whole-paragraph alternative: "3 (Option 2)". */
  paragraphLabel(neutral: string, option: number | null): string;
  /** The label that opens an option of an inline alternative, without the bracket: "Option 1:". */
  optionLabel(option: number): string;
  proposedBy(name: string): string;
  objection(author: string, reason: string): string;
  /** "Zero draft", "Working text", "Rev.2" as the revision store names them. */
  revision(label: string): string;
  /** The words of a comparison of two versions (comparisonHtml.ts). */
  comparison(key: ComparisonPhrase, values?: Record<string, string | number>): string;
  /** The words of the compilation of proposals and the comment-resolution table (compilation*.ts). */
  compilation(key: CompilationPhrase, values?: Record<string, string | number>): string;
}

type CompilationWords = (typeof exportCatalogs)['en']['export']['compilation'];
export type CompilationPhrase =
  | Exclude<keyof CompilationWords, 'kind' | 'state' | 'table'>
  | `kind.${keyof CompilationWords['kind']}`
  | `state.${keyof CompilationWords['state']}`
  | `table.${keyof CompilationWords['table']}`;

export type ComparisonPhrase = keyof (typeof exportCatalogs)['en']['export']['comparison'];

const cache = new Map<Language, ExportVocabulary>();

/** The vocabulary of one language; built once per language and process (catalogs are static). */
export function exportVocabulary(language: Language): ExportVocabulary {
  let v = cache.get(language);
  if (!v) {
    v = build(language, createI18n(exportCatalogs, language, 'export').getFixedT(language, 'export'));
    cache.set(language, v);
  }
  return v;
}

const latinOrdinals = Array.from({ length: 9 }, (_, i) => latinSuffix(i + 1));

function build(language: Language, t: TFunction): ExportVocabulary {
  const s = (key: string, values: Record<string, string | number> = {}): string => t(key, values) as string;
  const paragraphNumber = (neutral: string): string => {
    const m = /^(PP)?(\d+)(?: (\S+))?$/.exec(neutral);
    if (!m) return neutral;
    const k = m[3] === undefined ? 0 : latinOrdinals.indexOf(m[3]) + 1;
    if (m[3] !== undefined && k === 0) return neutral;
    const base = k === 0 ? m[2]! : s('number.inserted', { n: m[2]!, k });
    return m[1] ? s('number.preambular', { n: base }) : base;
  };
  return {
    language,
    direction: directionOf(language),
    negotiatingText: s('document.negotiating'),
    report: s('document.report'),
    draftMark: s('document.draftMark'),
    group: s('document.group'),
    page: (page, total) => s('document.page', { page: String(page), total: String(total) }),
    pageParts: () => {
      const [before = '', between = '', after = ''] = s('document.page', { page: '\u0000', total: '\u0000' }).split(
        '\u0000',
      );
      return { before, between, after };
    },
    summary: (paragraphs, objections) => s('document.summary', { paragraphs, objections }),
    status: (status) => s(`status.${status}`),
    statusLine: (status, locked) => s('statusLine', { status: s(`status.${status}`), locked: locked ? 'yes' : 'no' }),
    paragraphNumber,
    paragraphLabel: (neutral, option) =>
      option === null
        ? paragraphNumber(neutral)
        : s('number.option', { number: paragraphNumber(neutral), n: String(option) }),
    optionLabel: (option) => s('bracket.option', { n: String(option) }),
    proposedBy: (name) => s('bracket.proposedBy', { name }),
    objection: (author, reason) => s('objection', { author, reason }),
    revision: (label) => {
      if (label === 'Zero draft') return s('revision.zero');
      if (label === 'Working text') return s('revision.working');
      const rev = /^Rev\.(\d+)$/.exec(label);
      return rev ? s('revision.numbered', { n: rev[1]! }) : label;
    },
    comparison: (key, values) => s(`comparison.${key}`, values),
    compilation: (key, values) => s(`compilation.${key}`, values),
  };
}
