import type { Comparison, ParagraphComparison } from '../../shared/model/compare.js';
import { type ParagraphStatus, statusLabels } from '../../shared/model/governance.js';
import { escapeXml as esc } from './escape.js';

const statusName = (s: ParagraphStatus | null): string => (s === null ? '—' : statusLabels[s]);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function notes(p: ParagraphComparison): string[] {
  const out: string[] = [];
  if (p.kinds.includes('added')) out.push('added');
  if (p.kinds.includes('removed')) out.push('removed');
  if (p.kinds.includes('moved')) {
    const where = p.previousSection !== p.section ? ` from “${esc(p.previousSection ?? '')}”` : '';
    out.push(`moved${where} (was ${esc(p.previousNumber ?? '')})`);
  } else if (p.previousNumber !== null && p.previousNumber !== p.number && !p.kinds.includes('removed')) {
    out.push(`renumbered (was ${esc(p.previousNumber)})`);
  }
  if (p.status) out.push(`status ${esc(statusName(p.status.from))} → ${esc(statusName(p.status.to))}`);
  if (p.locked) out.push(p.locked.to ? 'locked' : 'unlocked');
  if (p.brackets.added.length) out.push(`${plural(p.brackets.added.length, 'bracket')} added`);
  if (p.brackets.resolved.length) out.push(`${plural(p.brackets.resolved.length, 'bracket')} resolved`);
  for (const o of p.objections.lodged) out.push(`objection lodged by ${esc(o.author)}: ${esc(o.reason)}`);
  for (const o of p.objections.withdrawn) out.push(`objection by ${esc(o.author)} withdrawn`);
  for (const o of p.objections.answered) out.push(`objection by ${esc(o.author)} answered`);
  return out;
}

/**
 * The comparison as escaped HTML with `<ins>`/`<del>`: a fragment for the editor's comparison
 * view, or with `standalone` a complete printable page to download. Unchanged paragraphs are left out.
 */
export function comparisonHtml(c: Comparison, from: string, to: string, standalone = false): string {
  const rows = c.paragraphs
    .filter((p) => !p.kinds.includes('unchanged'))
    .map((p) => {
      const text = p.text
        .map((t) => {
          const s = esc(t.text).replace(/\n/g, '<br>');
          return t.op === 'ins' ? `<ins>${s}</ins>` : t.op === 'del' ? `<del>${s}</del>` : s;
        })
        .join('');
      const classes = p.kinds.map((k) => `cmp-${k}`).join(' ');
      // h2: the comparison page's own title is the h1, and headings must not skip levels (WCAG 1.3.1).
      return (
        `<article class="${classes}" data-paragraph="${esc(p.id)}">` +
        `<h2>${esc(p.number)} <small>${esc(p.section)}</small></h2>` +
        `<p class="cmp-notes">${notes(p).join(' · ')}</p><p class="cmp-text">${text}</p></article>`
      );
    })
    .join('\n');
  const sections = c.sections
    .map((s) =>
      s.change === 'renamed'
        ? `<li>Section “${esc(s.previousHeading ?? '')}” renamed “${esc(s.heading)}”</li>`
        : `<li>Section “${esc(s.heading)}” ${s.change}</li>`,
    )
    .join('');
  const s = c.summary;
  const summary =
    `<p class="cmp-summary">${esc(from)} → ${esc(to)}: ${s.added} added, ${s.removed} removed, ` +
    `${s.changed} changed, ${s.moved} moved; ${plural(s.statusChanges, 'status change')}, ` +
    `${s.bracketsAdded} brackets added, ${s.bracketsResolved} resolved; ` +
    `${s.objectionsLodged} objections lodged, ${s.objectionsWithdrawn} withdrawn, ${s.objectionsAnswered} answered</p>`;
  const body = `${summary}${sections ? `<ul class="cmp-sections">${sections}</ul>` : ''}${rows || '<p>No differences.</p>'}`;
  const fragment = `<section class="comparison">${body}</section>`;
  if (!standalone) return fragment;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(from)} → ${esc(to)}</title>
<style>body{font-family:"DejaVu Serif",Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em}
ins{background:#d4f7d4;text-decoration:underline}del{background:#fbd4d4}.cmp-notes{font-size:.85em;color:#555}
</style></head><body>${fragment}</body></html>`;
}
