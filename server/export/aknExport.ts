import { escapeXml as esc } from './escape.js';
import type { Report, Token } from './reportModel.js';

function inline(ts: Token[]): string {
  return ts
    .map((t) => {
      if (t.t === 'open') {
        // A class, not refersTo: there is no TLC for an option to refer to.
        const opt = t.option !== null ? ` class="option option${t.option}"` : '';
        return `<inline name="bracketOpen"${opt}>[${t.option !== null ? `Option ${t.option}: ` : ''}</inline>`;
      }
      if (t.t === 'close') return '<inline name="bracketClose">]</inline>';
      let s = esc(t.text);
      if (t.bold) s = `<b>${s}</b>`;
      if (t.italic) s = `<i>${s}</i>`;
      return s;
    })
    .join('');
}

/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML) `doc` of name "report". eIds are positional as the
 * AKN naming convention asks (sec_1, sec_1__para_2); the stable Accord paragraph id is
 * kept in `GUID` attributes (#id) and in the proprietary block, which holds the
 * negotiation metadata AKN has no native element for (status, lock, objections).
 */
const iso = (ms: number): string => new Date(ms).toISOString();

export function exportAkomaNtoso(r: Report): string {
  const date = r.generatedAt.toISOString().slice(0, 10);
  const eIds = new Map<string, string>();
  for (const [si, s] of r.sections.entries()) {
    for (const [pi, p] of s.paragraphs.entries()) eIds.set(p.id, `sec_${si + 1}__para_${pi + 1}`);
  }
  const work = `/akn/un/doc/report/${encodeURIComponent(r.symbol || 'draft')}`;
  const sections = r.sections
    .map((s, si) => {
      const secId = `sec_${si + 1}`;
      const paras = s.paragraphs
        .map((p, pi) => {
          const eId = eIds.get(p.id) ?? `${secId}__para_${pi + 1}`;
          const content = p.lines
            .map(
              (l) =>
                `<p${l.label ? ` class="subparagraph"` : ''}>${l.label ? `${esc(l.label)} ` : ''}${inline(l.tokens)}</p>`,
            )
            .join('');
          const num = p.option !== null ? `${p.number} (Option ${p.option})` : p.number;
          return `      <paragraph eId="${eId}" GUID="#${esc(p.id)}" class="${p.kind}"><num>${esc(num)}</num><content>${content}</content></paragraph>`;
        })
        .join('\n');
      return `    <section eId="${secId}"><heading>${esc(s.heading)}</heading>\n${paras}\n    </section>`;
    })
    .join('\n');
  const negotiation =
    r.variant === 'negotiating'
      ? r.sections
          .flatMap((s) => s.paragraphs)
          .map((p) => {
            const objections = p.objections
              .map(
                (o) => `<accord:objection by="${esc(o.author)}" at="${iso(o.at)}">${esc(o.reason)}</accord:objection>`,
              )
              .join('');
            const brackets = p.brackets
              .map(
                (b) =>
                  `<accord:bracket id="${esc(b.id)}" by="${esc(b.byName)}" at="${iso(b.at)}"` +
                  `${b.option !== null ? ` option="${b.option}"` : ''}${b.whole ? ' whole="true"' : ''}/>`,
              )
              .join('');
            const lock = p.lock ? `<accord:lock by="${esc(p.lock.byName)}" at="${iso(p.lock.at)}"/>` : '';
            return (
              `        <accord:paragraph href="#${eIds.get(p.id) ?? ''}" id="${esc(p.id)}" number="${esc(p.number)}" ` +
              `status="${p.status}" locked="${p.locked}" bracketed="${p.bracketed}">${lock}${brackets}${objections}` +
              '</accord:paragraph>'
            );
          })
          .join('\n')
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <doc name="report">
    <meta>
      <identification source="#accord">
        <FRBRWork><FRBRthis value="${esc(work)}/main"/><FRBRuri value="${esc(work)}"/><FRBRdate date="${date}" name="generation"/><FRBRauthor href="#group"/><FRBRcountry value="un"/></FRBRWork>
        <FRBRExpression><FRBRthis value="${esc(work)}/eng@${date}/main"/><FRBRuri value="${esc(work)}/eng@${date}"/><FRBRdate date="${date}" name="generation"/><FRBRauthor href="#group"/><FRBRlanguage language="eng"/></FRBRExpression>
        <FRBRManifestation><FRBRthis value="${esc(work)}/eng@${date}/main.xml"/><FRBRuri value="${esc(work)}/eng@${date}.akn"/><FRBRdate date="${date}" name="generation"/><FRBRauthor href="#accord"/></FRBRManifestation>
      </identification>
      <references source="#accord"><TLCOrganization eId="accord" href="/ontology/organization/accord" showAs="Accord"/><TLCOrganization eId="group" href="/ontology/organization/group" showAs="Expert group"/></references>
      <proprietary source="#accord">
        <accord:negotiation xmlns:accord="urn:accord:negotiation:1" variant="${r.variant}" revision="${esc(r.revision)}" draftMark="${r.draftMark}">
${negotiation}
        </accord:negotiation>
      </proprietary>
    </meta>
    <preface><p class="docNumber">${esc(r.symbol)}</p><p class="docTitle">${esc(r.title)}</p>${r.draftMark ? '<p class="draftMark">DRAFT — not agreed</p>' : ''}</preface>
    <mainBody>
${sections}
    </mainBody>
  </doc>
</akomaNtoso>
`;
}
