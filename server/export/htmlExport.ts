import { escapeXml as esc } from './escape.js';
import { heading, paragraphLabel, type Report, type Token } from './reportModel.js';

const css = `
body{font-family:"DejaVu Serif",Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}
header{border-bottom:1px solid #444;margin-bottom:1.5em}.meta{font-family:monospace}
.mark{border:3px solid #b00;color:#b00;font-weight:bold;padding:.3em;text-align:center;letter-spacing:.1em}
h2{font-size:1.2em;margin-top:1.6em}.p{display:grid;grid-template-columns:4.5em 1fr;gap:.5em;margin:.6em 0}
.num{font-weight:bold}.line{margin:0 0 .3em}.sub{padding-left:calc(var(--d)*1.8em)}
.br{font-weight:bold;color:#b00}.opt{font-size:.8em;font-weight:bold;color:#b00}
.status{font-size:.8em;color:#444;font-style:italic}.obj{font-size:.85em;border-left:3px solid #b60;padding-left:.5em;margin:.2em 0}
@media print{body{margin:0;max-width:none}.br,.opt,.mark{color:#000}}
`;

function tokens(ts: Token[]): string {
  return ts
    .map((t) => {
      if (t.t === 'open') {
        const label = t.option !== null ? `<span class="opt">Option ${t.option}:</span> ` : '';
        return `<span class="br" title="Proposed by ${esc(t.byName)}">[</span>${label}`;
      }
      if (t.t === 'close') return '<span class="br">]</span>';
      let s = esc(t.text).replace(/\n/g, '<br>');
      if (t.bold) s = `<strong>${s}</strong>`;
      if (t.italic) s = `<em>${s}</em>`;
      return s;
    })
    .join('');
}

/** A self-contained, printable HTML file: inline CSS, no scripts, every text escaped. */
export function exportHtml(r: Report): string {
  const negotiating = r.variant === 'negotiating';
  const body = r.sections
    .map((s) => {
      const ps = s.paragraphs
        .map((p) => {
          const lines = p.lines
            .map((l) => {
              const label = l.label ? `${esc(l.label)} ` : '';
              return `<p class="line sub" dir="auto" style="--d:${l.depth}">${label}${tokens(l.tokens)}</p>`;
            })
            .join('');
          const wrapped = p.bracketed ? `<span class="br">[</span>${lines}<span class="br">]</span>` : lines;
          const status = negotiating
            ? `<div class="status">${esc(p.statusLabel)}${p.locked ? ' · locked' : ''}</div>`
            : '';
          const objections = p.objections
            .map((o) => `<div class="obj">Objection by ${esc(o.author)}: ${esc(o.reason)}</div>`)
            .join('');
          return `<div class="p" id="${esc(p.id)}"><div class="num">${esc(paragraphLabel(p))}</div><div>${wrapped}${status}${objections}</div></div>`;
        })
        .join('\n');
      return `<section><h2 dir="auto">${esc(s.heading)}</h2>\n${ps}</section>`;
    })
    .join('\n');
  const mark = r.draftMark ? '<p class="mark">DRAFT — not agreed</p>' : '';
  const kind = negotiating ? 'Negotiating text' : 'Report';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${css}</style></head>
<body><header><p class="meta">${heading(r).map(esc).join(' · ')}</p><h1 dir="auto">${esc(r.title)}</h1><p>${kind}</p>${mark}</header>
<main>${body}</main></body></html>
`;
}
