import { defaultLanguage } from '../../shared/i18n/languages.js';
import type { Comparison, ParagraphComparison, ProposalChange } from '../../shared/model/compare.js';
import type { ParagraphStatus } from '../../shared/model/governance.js';
import { escapeXml as esc } from './escape.js';
import { type ComparisonPhrase, type ExportVocabulary, exportVocabulary } from './exportVocabulary.js';

function notes(p: ParagraphComparison, w: ExportVocabulary): string[] {
  const say = (key: ComparisonPhrase, values: Record<string, string | number> = {}) => w.comparison(key, values);
  const statusName = (s: ParagraphStatus | null): string => (s === null ? say('noStatus') : w.status(s));
  const out: string[] = [];
  if (p.kinds.includes('added')) out.push(say('added'));
  if (p.kinds.includes('removed')) out.push(say('removed'));
  const was = w.paragraphNumber(p.previousNumber ?? '');
  if (p.kinds.includes('moved')) {
    out.push(
      p.previousSection !== p.section
        ? say('movedFrom', { section: p.previousSection ?? '', was })
        : say('moved', { was }),
    );
  } else if (p.previousNumber !== null && p.previousNumber !== p.number && !p.kinds.includes('removed')) {
    out.push(say('renumbered', { was }));
  }
  if (p.status) out.push(say('status', { from: statusName(p.status.from), to: statusName(p.status.to) }));
  if (p.locked) out.push(say(p.locked.to ? 'locked' : 'unlocked'));
  if (p.brackets.added.length) out.push(say('bracketsAdded', { n: p.brackets.added.length }));
  if (p.brackets.resolved.length) out.push(say('bracketsResolved', { n: p.brackets.resolved.length }));
  for (const o of p.objections.lodged) out.push(say('objectionLodged', { author: o.author, reason: o.reason }));
  for (const o of p.objections.withdrawn) out.push(say('objectionWithdrawn', { author: o.author }));
  for (const o of p.objections.answered) out.push(say('objectionAnswered', { author: o.author }));
  const what = (x: ProposalChange) => {
    const kind = w.compilation(`kind.${x.kind}`);
    return x.quote !== '' && x.text !== ''
      ? say('proposalReplace', { kind, quote: x.quote, text: x.text })
      : x.text !== ''
        ? say('proposalText', { kind, text: x.text })
        : x.quote !== '' && x.kind !== 'deleteParagraph'
          ? say('proposalQuote', { kind, quote: x.quote })
          : kind;
  };
  for (const x of p.proposals.tabled) out.push(say('proposalTabled', { who: x.proposer, what: what(x) }));
  for (const x of p.proposals.accepted) {
    const key = x.decision?.asAlternative ? 'proposalAlternative' : 'proposalAccepted';
    out.push(say(key, { who: x.proposer, what: what(x), by: x.decision?.by ?? '' }));
  }
  for (const x of p.proposals.rejected) {
    const line = say('proposalRejected', { who: x.proposer, what: what(x), by: x.decision?.by ?? '' });
    out.push(x.decision?.reason ? say('withReason', { text: line, reason: x.decision.reason }) : line);
  }
  for (const x of p.proposals.withdrawn) out.push(say('proposalWithdrawn', { who: x.proposer, what: what(x) }));
  // Escaped once, after the words are put together: names and reasons are the members' own text.
  return out.map(esc);
}

/**
 * The comparison as escaped HTML with `<ins>`/`<del>`: a fragment for the editor's comparison
 * view, or with `standalone` a complete printable page to download. Unchanged paragraphs are left out.
 */
export function comparisonHtml(
  c: Comparison,
  from: string,
  to: string,
  standalone = false,
  w: ExportVocabulary = exportVocabulary(defaultLanguage),
): string {
  const say = (key: ComparisonPhrase, values: Record<string, string | number> = {}) => esc(w.comparison(key, values));
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
        `<h2><bdi>${esc(w.paragraphNumber(p.number))}</bdi> <small><bdi>${esc(p.section)}</bdi></small></h2>` +
        `<p class="cmp-notes">${notes(p, w).join(' · ')}</p><p class="cmp-text">${text}</p></article>`
      );
    })
    .join('\n');
  const sections = c.sections
    .map((s) =>
      s.change === 'renamed'
        ? `<li>${say('sectionRenamed', { from: s.previousHeading ?? '', to: s.heading })}</li>`
        : `<li>${say(s.change === 'added' ? 'sectionAdded' : 'sectionRemoved', { heading: s.heading })}</li>`,
    )
    .join('');
  const s = c.summary;
  const summary = `<p class="cmp-summary">${say('summary', {
    from: w.revision(from),
    to: w.revision(to),
    added: s.added,
    removed: s.removed,
    changed: s.changed,
    moved: s.moved,
    statusChanges: s.statusChanges,
    bracketsAdded: s.bracketsAdded,
    bracketsResolved: s.bracketsResolved,
    lodged: s.objectionsLodged,
    withdrawn: s.objectionsWithdrawn,
    answered: s.objectionsAnswered,
  })} ${say('summaryProposals', {
    tabled: s.proposalsTabled,
    accepted: s.proposalsAccepted,
    rejected: s.proposalsRejected,
    withdrawn: s.proposalsWithdrawn,
  })}</p>`;
  const body = `${summary}${sections ? `<ul class="cmp-sections">${sections}</ul>` : ''}${rows || `<p>${say('none')}</p>`}`;
  const fragment = `<section class="comparison" lang="${w.language}" dir="${w.direction}">${body}</section>`;
  if (!standalone) return fragment;
  return `<!doctype html><html lang="${w.language}" dir="${w.direction}"><head><meta charset="utf-8"><title>${esc(w.revision(from))} → ${esc(w.revision(to))}</title>
<style>body{font-family:"DejaVu Serif",Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em}
ins{background:#d4f7d4;text-decoration:underline}del{background:#fbd4d4}.cmp-notes{font-size:.85em;color:#555}
</style></head><body>${fragment}</body></html>`;
}
