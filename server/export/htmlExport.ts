import { escapeXml as esc } from './escape.js';
import type { ExportVocabulary } from './exportVocabulary.js';
import { heading, paragraphLabel, type Report, type Token } from './reportModel.js';

const css = `
body{font-family:"DejaVu Serif",Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}
header{border-bottom:1px solid #444;margin-bottom:1.5em}.meta{font-family:monospace}
.mark{border:3px solid #b00;color:#b00;font-weight:bold;padding:.3em;text-align:center;letter-spacing:.1em}
h2{font-size:1.2em;margin-top:1.6em}.p{display:grid;grid-template-columns:4.5em 1fr;gap:.5em;margin:.6em 0}
.num{font-weight:bold}.line{margin:0 0 .3em}.sub{padding-inline-start:calc(var(--d)*1.8em)}
.br{font-weight:bold;color:#b00}.opt{font-size:.8em;font-weight:bold;color:#b00}
.status{font-size:.8em;color:#444;font-style:italic}.obj{font-size:.85em;border-inline-start:3px solid #b60;padding-inline-start:.5em;margin:.2em 0}
@media print{body{margin:0;max-width:none}.br,.opt,.mark{color:#000}}
`;

function tokens(ts: Token[], w: ExportVocabulary): string {
  return ts
    .map((t) => {
      if (t.t === 'open') {
        const label = t.option !== null ? `<span class="opt">${esc(w.optionLabel(t.option))}</span> ` : '';
        return `<span class="br" title="${esc(w.proposedBy(t.byName))}">[</span>${label}`;
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
  const w = r.words;
  const negotiating = r.variant === 'negotiating';
  const body = r.sections
    .map((s) => {
      const ps = s.paragraphs
        .map((p) => {
          const lines = p.lines
            .map((l) => {
              const label = l.label ? `${esc(l.label)} ` : '';
              return `<p class="line sub" dir="auto" style="--d:${l.depth}">${label}${tokens(l.tokens, w)}</p>`;
            })
            .join('');
          const wrapped = p.bracketed ? `<span class="br">[</span>${lines}<span class="br">]</span>` : lines;
          const status = negotiating ? `<div class="status">${esc(p.statusLine)}</div>` : '';
          const objections = p.objections
            .map((o) => `<div class="obj" dir="auto">${esc(w.objection(o.author, o.reason))}</div>`)
            .join('');
          return `<div class="p" id="${esc(p.id)}"><div class="num">${esc(paragraphLabel(p))}</div><div>${wrapped}${status}${objections}</div></div>`;
        })
        .join('\n');
      return `<section><h2 dir="auto">${esc(s.heading)}</h2>\n${ps}</section>`;
    })
    .join('\n');
  const mark = r.draftMark ? `<p class="mark">${esc(w.draftMark)}</p>` : '';
  const all = r.sections.flatMap((s) => s.paragraphs);
  const objections = all.reduce((n, p) => n + p.objections.length, 0);
  const kind = negotiating ? `${w.negotiatingText} · ${w.summary(all.length, objections)}` : w.report;
  // The document's language and direction; each paragraph and heading follows its own text (dir="auto").
  return `<!doctype html>
<html lang="${r.language}" dir="${w.direction}"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${css}</style></head>
<body><header><p class="meta">${heading(r)
    .map((x) => `<bdi>${esc(x)}</bdi>`)
    .join(' · ')}</p><h1 dir="auto">${esc(r.title)}</h1><p>${esc(kind)}</p>${mark}</header>
<main>${body}</main></body></html>
`;
}
