import { type Compilation, proposalLines } from './compilationModel.js';
import { escapeXml as esc } from './escape.js';
import { exportDate } from './exportDate.js';

const css = `
body{font-family:"DejaVu Serif",Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}
header{border-bottom:1px solid #444;margin-bottom:1.5em}.meta{font-family:monospace}
h2{font-size:1.15em;margin-top:1.6em}.current{font-style:italic;border-inline-start:3px solid #888;padding-inline-start:.6em}
.proposal{margin:.8em 0;padding:.4em .8em;border:1px solid #ccc;border-radius:4px}.proposal p{margin:.15em 0}
.proposal p:first-child{font-weight:bold}
@media print{body{margin:0;max-width:none}.proposal{break-inside:avoid}}
`;

/** The compilation as a self-contained, printable HTML file: inline CSS, no scripts, every text escaped. */
export function compilationHtml(c: Compilation): string {
  const w = c.words;
  const body = c.paragraphs
    .map((p) => {
      const title =
        p.number === null
          ? esc(w.compilation('gone'))
          : `${esc(w.compilation('paragraph', { number: p.number }))} <small><bdi>${esc(p.section)}</bdi></small>`;
      const current =
        p.text === ''
          ? ''
          : `<p class="current" dir="auto"><span class="label">${esc(w.compilation('currentText'))}:</span> ${esc(p.text).replace(/\n/g, '<br>')}</p>`;
      const proposals = p.proposals
        .map(
          (x) =>
            `<div class="proposal" id="proposal-${esc(x.id)}">${proposalLines(x, w)
              .map((l) => `<p dir="auto">${esc(l)}</p>`)
              .join('')}</div>`,
        )
        .join('');
      return `<section data-paragraph="${esc(p.paragraphId)}"><h2>${title}</h2>${current}${proposals}</section>`;
    })
    .join('\n');
  const meta = [c.symbol, c.revision, exportDate(c.generatedAt, w.language)].filter((x) => x !== '');
  const summary = w.compilation('summary', { count: c.count, paragraphs: c.paragraphs.length });
  return `<!doctype html>
<html lang="${w.language}" dir="${w.direction}"><head><meta charset="utf-8"><title>${esc(w.compilation('title'))} — ${esc(c.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${css}</style></head>
<body><header><p class="meta">${meta.map((x) => `<bdi>${esc(x)}</bdi>`).join(' · ')}</p><h1 dir="auto">${esc(w.compilation('title'))}: ${esc(c.title)}</h1><p>${esc(summary)}</p></header>
<main>${body || `<p>${esc(w.compilation('none'))}</p>`}</main></body></html>
`;
}
