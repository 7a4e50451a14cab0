import { stringify } from 'csv-stringify/sync';
import type { Compilation } from './compilationModel.js';

/**
 * The comment-resolution table ISO and ITU secretariats use: one row per comment or proposal —
 * delegation, paragraph number, type (general / technical / editorial), comment, proposed change,
 * observations of the secretariat. The type is the proposal's own (technical unless its
 * proposer said general or editorial). Proposals first, then the group's comment threads (their
 * first comment; replies are a conversation, not the delegation's position).
 */
export const resolutionColumns = ['delegation', 'paragraph', 'type', 'comment', 'change', 'observations'] as const;
export type ResolutionRow = Record<(typeof resolutionColumns)[number], string>;

export function resolutionRows(c: Compilation): ResolutionRow[] {
  const w = c.words;
  const proposals = c.paragraphs.flatMap((p) =>
    p.proposals.map((x) => {
      const change = [
        w.compilation(`kind.${x.kind}`),
        x.quote !== '' ? w.compilation('concerned', { text: x.quote }) : '',
        x.text !== '' ? w.compilation('proposed', { text: x.text }) : '',
      ]
        .filter((s) => s !== '')
        .join('\n');
      const state = w.compilation(`state.${x.state}`);
      const observations = x.decision
        ? x.decision.reason
          ? w.compilation('decisionWhy', { state, name: x.decision.by, reason: x.decision.reason })
          : w.compilation('decision', { state, name: x.decision.by })
        : state;
      return {
        delegation: x.delegation,
        paragraph: p.number ?? '',
        type: w.compilation(`table.${x.type}`),
        comment: x.justification,
        change,
        observations,
      };
    }),
  );
  // A comment row has a comment and no change: imported back, it is the same comment (a duplicate).
  const comments = c.comments.map((x) => ({
    delegation: x.delegation,
    paragraph: x.number ?? '',
    type: w.compilation(`table.${x.type}`),
    comment: x.text,
    change: '',
    observations: x.resolved ? w.compilation('commentResolved') : '',
  }));
  return [...proposals, ...comments];
}

/**
 * CSV (RFC 4180) with a header row in the table's language, preceded by a UTF-8 byte-order mark so
 * that spreadsheet programs read Arabic, Chinese and Cyrillic correctly. A cell that starts with
 * =, +, - or @ (after any spaces) is prefixed with an apostrophe: the group's text must never run as a formula.
 */
export function resolutionTableCsv(c: Compilation): string {
  const w = c.words;
  const safe = (s: string) => (/^[\s]*[=+\-@]|^[\t\r]/.test(s) ? `'${s}` : s);
  const header = resolutionColumns.map((k) => w.compilation(`table.${k}`));
  const rows = resolutionRows(c).map((r) => resolutionColumns.map((k) => safe(r[k])));
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: '\r\n' })}`;
}
