import { languages } from '../../shared/i18n/languages.js';
import { paragraphStatuses } from '../../shared/model/governance.js';
import { latinSuffix } from '../../shared/model/numbering.js';
import { exportVocabulary } from '../export/exportVocabulary.js';

/**
 * What our exports print in any of the six languages, as patterns the importer recognises: a
 * French or Arabic export reads back like an English one. Built from the same catalogs the
 * exports use, by formatting each message with stand-ins for its values.
 */
const N = '\u0001';
const M = '\u0002';
const vocabularies = languages.map((l) => exportVocabulary(l));

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message's literal text as a pattern: any white space (a French no-break space too) matches any. */
const literal = (s: string) => s.split(/\s+/).map(escapeRegExp).join('\\s*');
const alternatives = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).join('|');

/** " bis", "之二", " مكرراً ثانياً" … → the ordinal k (1-based) of an inserted paragraph. */
const suffixes = new Map<string, number>();
for (const v of vocabularies) {
  for (let k = 1; k <= 9; k++) {
    suffixes.set(
      v
        .paragraphNumber(`7 ${latinSuffix(k)}`)
        .slice(1)
        .trim(),
      k,
    );
  }
}
export const insertedSuffix = alternatives([...suffixes.keys()].map(literal));

export function insertedOrdinal(suffix: string): number | null {
  const normal = suffix.trim().replace(/\s+/g, ' ').toLowerCase();
  for (const [s, k] of suffixes) if (s.replace(/\s+/g, ' ').toLowerCase() === normal) return k;
  return null;
}

/** "(Option 2)", "(option 2)", "（备选案文2）" after a number; its groups hold the option. */
export const paragraphOption = alternatives(
  vocabularies.map((v) =>
    literal(v.paragraphLabel('7', Number.NaN).slice(1).trim().replace('NaN', M)).replace(M, '(\\d{1,3})'),
  ),
);

/** The inline option label at the start of a bracket: "Option 1:", "Option 1 :", "备选案文1：". */
export const optionLabel = new RegExp(
  `^(?:${alternatives(vocabularies.map((v) => literal(v.optionLabel(Number.NaN)).replace('NaN', '(\\d+)')))})\\s*`,
);

/** The first captured option number of a match of a pattern built from alternatives. */
export function firstGroup(m: RegExpExecArray, from = 1): string | undefined {
  return m.slice(from).find((g) => g !== undefined);
}

const statusLines = new Set(
  vocabularies.flatMap((v) => paragraphStatuses.flatMap((s) => [v.statusLine(s, false), v.statusLine(s, true)])),
);
const normal = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Our export's status line under a paragraph ("Agreed · locked", "Convenu · verrouillé"). */
export function isStatusLine(text: string): boolean {
  return statusLines.has(normal(text));
}

const draftMarks = new Set(vocabularies.map((v) => normal(v.draftMark)));
const objection = new RegExp(
  `^(?:${alternatives(vocabularies.map((v) => literal(v.objection(N, M)).replace(escapeRegExp(N), '.+?').replace(escapeRegExp(M), '[\\s\\S]*')))})$`,
);

/** Our export's DRAFT mark or an objection: governance printed in the file, not text. */
export function isFurniture(text: string): boolean {
  const t = normal(text);
  return draftMarks.has(t) || objection.test(t);
}
