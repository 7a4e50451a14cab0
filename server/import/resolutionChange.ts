import { exportCatalogs } from '../../shared/i18n/exportCatalogs.js';
import {
  DEFAULT_PROPOSAL_TYPE,
  type ProposalKind,
  type ProposalType,
  proposalKinds,
  proposalTypes,
} from '../../shared/model/proposals.js';

/**
 * The "proposed change" and "type" cells of a resolution table, read back in any of the six
 * languages, in the form the table is exported: a first line naming the kind ("MOD (replace
 * text)"), then "Text concerned: “…”" and "Proposed text: “…”". Without the kind line, the
 * two quoted lines still say it (both: a replacement; only the concerned text: a deletion).
 */
export type ReadChange =
  | { ok: true; kind: ProposalKind; quote: string; text: string }
  | { ok: false; reason: 'unreadable_change' | 'position_needed'; message: string };

const normal = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase();
const catalogs = Object.values(exportCatalogs).map((c) => c.export.compilation);

const kindWords = new Map<string, ProposalKind>();
for (const c of catalogs) for (const k of proposalKinds) kindWords.set(normal(c.kind[k]), k);

/** "Text concerned: “{text}”" → its prefix and suffix around {text}, per language. */
const quoted = (key: 'concerned' | 'proposed') =>
  catalogs.map((c) => {
    // Spaces inside the quotation marks (French « … ») belong to the marks, not to the words.
    const [before = '', after = ''] = c[key].split('{text}');
    return { before: before.trimStart(), after: after.trimEnd() };
  });
const concerned = quoted('concerned');
const proposed = quoted('proposed');

function unquote(line: string, forms: Array<{ before: string; after: string }>): string | null {
  for (const f of forms) {
    if (
      f.before !== '' &&
      line.startsWith(f.before) &&
      line.endsWith(f.after) &&
      line.length >= f.before.length + f.after.length
    ) {
      // The quoted words exactly as written, spaces included: they are looked up in the paragraph.
      return line.slice(f.before.length, line.length - f.after.length);
    }
  }
  return null;
}

const expected =
  'Write the change as the table exports it: the kind (e.g. "MOD (replace text)"), then "Text concerned: “…”" and "Proposed text: “…”".';

export function readChange(cell: string): ReadChange {
  const lines = cell
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let kind: ProposalKind | null = null;
  let quote: string | null = null;
  let text: string | null = null;
  for (const line of lines) {
    const k = kindWords.get(normal(line));
    if (k && kind === null) {
      kind = k;
      continue;
    }
    const q = unquote(line, concerned);
    if (q !== null && quote === null) {
      quote = q;
      continue;
    }
    const t = unquote(line, proposed);
    if (t !== null && text === null) {
      text = t;
      continue;
    }
    return {
      ok: false,
      reason: 'unreadable_change',
      message: `“${line.slice(0, 80)}” is not part of a change. ${expected}`,
    };
  }
  kind ??= quote !== null && text !== null ? 'replace' : quote !== null ? 'delete' : null;
  const bad = (): ReadChange => ({ ok: false, reason: 'unreadable_change', message: expected });
  switch (kind) {
    case 'replace':
      return quote && text ? { ok: true, kind, quote, text } : bad();
    case 'delete':
      return quote ? { ok: true, kind, quote, text: '' } : bad();
    case 'addParagraph':
      return text ? { ok: true, kind, quote: '', text } : bad();
    case 'deleteParagraph':
      return { ok: true, kind, quote: '', text: '' };
    case 'insert':
      return {
        ok: false,
        reason: 'position_needed',
        message:
          'An insertion says what to insert but not where: write it as a replacement of the words around the place.',
      };
    default:
      return bad();
  }
}

const typeWords = new Map<string, ProposalType>();
for (const t of proposalTypes) typeWords.set(t, t);
for (const c of catalogs) {
  const table = c.table as Record<string, string>;
  for (const t of proposalTypes) if (table[t]) typeWords.set(normal(table[t]), t);
}

/** The type cell in any language; empty means technical; null when it is none of the three. */
export function readType(cell: string): ProposalType | null {
  return cell.trim() === '' ? DEFAULT_PROPOSAL_TYPE : (typeWords.get(normal(cell)) ?? null);
}
