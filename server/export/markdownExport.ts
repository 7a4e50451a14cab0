import { escapeMarkdown as esc } from './escape.js';
import { heading, paragraphLabel, type Report, type Token } from './reportModel.js';

function tokens(ts: Token[]): string {
  return ts
    .map((t) => {
      // Structural brackets are bold; a literal bracket typed in the text is escaped, so the two never mix.
      if (t.t === 'open') return t.option !== null ? `**[**_Option ${t.option}:_ ` : '**[**';
      if (t.t === 'close') return '**]**';
      let s = esc(t.text).replace(/\n/g, '  \n');
      if (s.trim() === '') return s;
      if (t.italic) s = `*${s}*`;
      if (t.bold) s = `**${s}**`;
      return s;
    })
    .join('');
}

export function exportMarkdown(r: Report): string {
  const out: string[] = [`# ${esc(r.title)}`, '', heading(r).map(esc).join(' · '), ''];
  if (r.draftMark) out.push('> **DRAFT — not agreed**', '');
  for (const s of r.sections) {
    out.push(`## ${esc(s.heading)}`, '');
    for (const p of s.paragraphs) {
      const [first, ...rest] = p.lines;
      const open = p.bracketed ? '**[**' : '';
      out.push(`**${esc(paragraphLabel(p))}** ${open}${first ? tokens(first.tokens) : ''}`);
      for (const l of rest)
        out.push(`${'    '.repeat(Math.max(0, l.depth - 1))}${l.label ? `${esc(l.label)} ` : ''}${tokens(l.tokens)}`);
      if (p.bracketed) out[out.length - 1] += '**]**';
      if (r.variant === 'negotiating') out.push('', `*${esc(p.statusLabel)}${p.locked ? ' · locked' : ''}*`);
      for (const o of p.objections) out.push('', `> Objection by ${esc(o.author)}: ${esc(o.reason)}`);
      out.push('');
    }
  }
  return out.join('\n');
}
