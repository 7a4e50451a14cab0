import type { Comparison } from '../../shared/model/compare.js';
import { type ParagraphStatus, statusLabels } from '../../shared/model/governance.js';
import { escapeXml as esc } from './escape.js';

const kindLabels = { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved', unchanged: 'unchanged' };

/**
 * The comparison as escaped HTML: a fragment for the editor's comparison view, or with
 * `standalone` a complete printable page to download.
 */
export function comparisonHtml(c: Comparison, from: string, to: string, standalone = false): string {
  const rows = c.paragraphs
    .filter((p) => !p.kinds.includes('unchanged'))
    .map((p) => {
      const text = p.text
        .map((t) =>
          t.op === 'ins' ? `<ins>${esc(t.text)}</ins>` : t.op === 'del' ? `<del>${esc(t.text)}</del>` : esc(t.text),
        )
        .join('');
      const notes: string[] = p.kinds.map((k) => kindLabels[k]);
      if (p.status) {
        notes.push(
          `status ${esc(statusLabels[p.status.from as ParagraphStatus] ?? p.status.from)} → ${esc(statusLabels[p.status.to as ParagraphStatus] ?? p.status.to)}`,
        );
      }
      if (p.bracketsAdded) notes.push(`${p.bracketsAdded} bracket(s) added`);
      if (p.bracketsResolved) notes.push(`${p.bracketsResolved} bracket(s) resolved`);
      if (p.objectionsLodged) notes.push(`${p.objectionsLodged} objection(s) lodged`);
      if (p.objectionsClosed) notes.push(`${p.objectionsClosed} objection(s) withdrawn or answered`);
      return `<article class="cmp-${p.kinds.join(' cmp-')}" data-paragraph="${esc(p.id)}"><h4>${esc(p.number)} <small>${esc(p.section)}</small></h4><p class="cmp-notes">${notes.join(' · ')}</p><p class="cmp-text">${text}</p></article>`;
    })
    .join('\n');
  const s = c.summary;
  const summary = `<p class="cmp-summary">${esc(from)} → ${esc(to)}: ${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.moved} moved</p>`;
  const fragment = `<section class="comparison">${summary}${rows || '<p>No differences.</p>'}</section>`;
  if (!standalone) return fragment;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(from)} → ${esc(to)}</title>
<style>body{font-family:Georgia,serif;max-width:48em;margin:2em auto}ins{background:#d4f7d4;text-decoration:underline}del{background:#fbd4d4}.cmp-notes{font-size:.85em;color:#555}</style>
</head><body>${fragment}</body></html>`;
}
