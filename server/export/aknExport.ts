import type { Language } from '../../shared/i18n/languages.js';
import { escapeXml as esc } from './escape.js';
import type { ExportVocabulary } from './exportVocabulary.js';
import {
  neutralLabel,
  openText,
  paragraphLabel,
  type Report,
  type ReportLine,
  type ReportParagraph,
  type Token,
} from './reportModel.js';

/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML) `doc` of name "report", following the AKN naming
 * convention (akn-nc v1.0):
 * - IRIs: work `/akn/un/doc/report/<date>/<symbol>`, expression `<work>/<lang>@<date>`,
 *   manifestation `<expression>.akn`; FRBRthis adds the component `/!main` (`/!main.xml`).
 * - eIds of numbered elements are derived from their `<num>` ("8 bis" → `para_8bis`, "(a)" →
 *   `para_8__subpara_a`): paragraph numbers are unique in the document, so paragraphs and recitals
 *   carry no section prefix; unnumbered elements count their position (`subpara_1`, `hcontainer_1`).
 * - Leading preambular paragraphs are `<recital>`s in the `<preamble>`; operative paragraphs are
 *   `<paragraph>`s in `<section>`s; subparagraphs are `<subparagraph>`s (in recitals, whose content
 *   is blocks only, `<blockList>` items) with their own eIds and nums.
 * The stable Accord paragraph id is the `GUID`; negotiation metadata AKN has no element for
 * (status, lock, brackets, objections) is in `<proprietary source="#accord">`.
 */
const iso = (ms: number): string => new Date(ms).toISOString();

/** The number part of an eId: final punctuation and spaces go, inner punctuation becomes "-" (akn-nc 5.x). */
export function eIdNumber(num: string): string {
  return num
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .replace(/\s+/g, '')
    .replace(/\p{P}+/gu, '-');
}

/**
 * ISO 639-2 three-letter codes of the UN's six languages, as AKN expressions name their language
 * (FRBRlanguage, the `<lang>@` of the expression IRI). The terminology (T) codes, not the
 * bibliographic ones (fre, chi): they are the ones derived from the languages' own names.
 */
export const aknLanguage: Record<Language, string> = {
  en: 'eng',
  fr: 'fra',
  es: 'spa',
  ru: 'rus',
  zh: 'zho',
  ar: 'ara',
};

function inline(ts: Token[], w: ExportVocabulary): string {
  return ts
    .map((t) => {
      if (t.t === 'open') {
        // A class, not refersTo: there is no TLC for an option to refer to.
        const cls = t.option !== null ? ` class="option option${t.option}"` : '';
        return `<inline name="bracketOpen"${cls}>${esc(openText(t, w))}</inline>`;
      }
      if (t.t === 'close') return '<inline name="bracketClose">]</inline>';
      let s = esc(t.text).replace(/\n/g, '<br/>');
      if (t.bold) s = `<b>${s}</b>`;
      if (t.italic) s = `<i>${s}</i>`;
      return s;
    })
    .join('');
}

/** A paragraph's lines as a tree: text blocks, and items (subparagraphs) holding their own lines. */
type Node = { kind: 'text'; tokens: Token[] } | { kind: 'item'; label: string | null; nodes: Node[] };

function nest(lines: ReportLine[], depth = 0): Node[] {
  const nodes: Node[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.depth <= depth && l.label === null) {
      nodes.push({ kind: 'text', tokens: l.tokens });
      i++;
      continue;
    }
    // An item: its own line, then deeper lines and its further text blocks, up to the next sibling.
    let j = i + 1;
    while (j < lines.length && (lines[j]!.depth > l.depth || (lines[j]!.depth === l.depth && lines[j]!.label === null)))
      j++;
    const own: ReportLine = { ...l, label: null };
    nodes.push({ kind: 'item', label: l.label, nodes: nest([own, ...lines.slice(i + 1, j)], l.depth) });
    i = j;
  }
  return nodes;
}

class EIds {
  private used = new Set<string>();
  /** A unique eId: the convention's form, with "-2", "-3" for a repeated number (two lists in one paragraph). */
  take(eId: string): string {
    let id = eId;
    for (let n = 2; this.used.has(id); n++) id = `${eId}-${n}`;
    this.used.add(id);
    return id;
  }
}

const p = (tokens: Token[], w: ExportVocabulary) => `<p>${inline(tokens, w)}</p>`;

/** Subparagraph eIds: "(a)" → subpara_a; a bullet counts its position among the unnumbered ones. */
function itemEIds(nodes: Node[], parent: string, ref: string, ids: EIds): Map<Node, string> {
  const out = new Map<Node, string>();
  let unnumbered = 0;
  for (const n of nodes) {
    if (n.kind !== 'item') continue;
    const number = n.label && n.label !== '•' ? eIdNumber(n.label) : `${++unnumbered}`;
    out.set(n, ids.take(`${parent}__${ref}_${number}`));
  }
  return out;
}

/** The inside of an hcontainer: `<content>` for text only; else intro, subparagraphs (texts between them), wrapUp. */
function hierarchy(nodes: Node[], eId: string, ids: EIds, indent: string, w: ExportVocabulary): string {
  if (nodes.every((n) => n.kind === 'text')) {
    return `<content>${nodes.map((n) => (n.kind === 'text' ? p(n.tokens, w) : '')).join('')}</content>`;
  }
  const first = nodes.findIndex((n) => n.kind === 'item');
  const last = nodes.length - 1 - [...nodes].reverse().findIndex((n) => n.kind === 'item');
  const texts = (ns: Node[]) => ns.map((n) => (n.kind === 'text' ? p(n.tokens, w) : '')).join('');
  const eIds = itemEIds(nodes, eId, 'subpara', ids);
  const out: string[] = [];
  if (first > 0) out.push(`<intro>${texts(nodes.slice(0, first))}</intro>`);
  let between = 0;
  for (let k = first; k <= last; k++) {
    const n = nodes[k]!;
    if (n.kind === 'text') {
      const id = ids.take(`${eId}__hcontainer_${++between}`);
      out.push(`<hcontainer eId="${id}" name="text"><content>${p(n.tokens, w)}</content></hcontainer>`);
      continue;
    }
    const id = eIds.get(n)!;
    const num = n.label && n.label !== '•' ? `<num>${esc(n.label)}</num>` : '';
    const cls = n.label === '•' ? ' class="bullet"' : '';
    out.push(`<subparagraph eId="${id}"${cls}>${num}${hierarchy(n.nodes, id, ids, `${indent}  `, w)}</subparagraph>`);
  }
  if (last < nodes.length - 1) out.push(`<wrapUp>${texts(nodes.slice(last + 1))}</wrapUp>`);
  return `\n${indent}  ${out.join(`\n${indent}  `)}\n${indent}`;
}

/** A recital holds blocks only: its subparagraphs are a blockList of numbered items. */
function blocks(nodes: Node[], eId: string, ids: EIds, w: ExportVocabulary): string {
  const out: string[] = [];
  let list = 0;
  for (let k = 0; k < nodes.length; ) {
    const n = nodes[k]!;
    if (n.kind === 'text') {
      out.push(p(n.tokens, w));
      k++;
      continue;
    }
    let end = k;
    while (end < nodes.length && nodes[end]!.kind === 'item') end++;
    const items = nodes.slice(k, end);
    const listId = ids.take(`${eId}__list_${++list}`);
    const eIds = itemEIds(items, listId, 'item', ids);
    const xml = items
      .map((it) => {
        if (it.kind !== 'item') return '';
        const num = it.label && it.label !== '•' ? `<num>${esc(it.label)}</num>` : '';
        return `<item eId="${eIds.get(it)}">${num}${blocks(it.nodes, eIds.get(it)!, ids, w)}</item>`;
      })
      .join('');
    out.push(`<blockList eId="${listId}">${xml}</blockList>`);
    k = end;
  }
  return out.join('');
}

/** The paragraph's lines with the whole-paragraph bracket around them, as printed in every format. */
function bracketedLines(para: ReportParagraph): ReportLine[] {
  if (!para.bracketed) return para.lines;
  const whole = para.brackets.find((b) => b.whole);
  const lines = para.lines.length > 0 ? para.lines.map((l) => ({ ...l, tokens: [...l.tokens] })) : [];
  if (lines.length === 0) lines.push({ label: null, depth: 0, tokens: [] });
  lines[0]!.tokens.unshift({ t: 'open', option: null, byName: whole?.byName ?? '' });
  lines[lines.length - 1]!.tokens.push({ t: 'close' });
  return lines;
}

export function exportAkomaNtoso(r: Report): string {
  const date = r.generatedAt.toISOString().slice(0, 10);
  const w = r.words;
  const language = aknLanguage[r.language];
  const number = r.symbol.trim() === '' ? 'nn' : eIdNumber(r.symbol) || 'nn';
  const work = `/akn/un/doc/report/${date}/${encodeURIComponent(number)}`;
  const expression = `${work}/${language}@${date}`;
  const ids = new EIds();
  const eIdOf = new Map<string, string>();
  const guid = (para: ReportParagraph) => `GUID="#${esc(para.id)}"`;

  // Preambular paragraphs before the first operative one form the preamble, section by section.
  const all = r.sections.flatMap((s) => s.paragraphs);
  // (A text of preambular paragraphs only keeps them in the body: AKN's mainBody cannot be empty.)
  const firstOperative = all.findIndex((x) => x.kind === 'operative');
  const preambular = new Set(all.slice(0, Math.max(0, firstOperative)).map((x) => x.id));
  const recitals: string[] = [];
  const sections: string[] = [];
  for (const s of r.sections) {
    const inPreamble = s.paragraphs.filter((x) => preambular.has(x.id));
    const inBody = s.paragraphs.filter((x) => !preambular.has(x.id));
    if (inPreamble.length > 0) {
      const recsId = ids.take(`recs_${recitals.length + 1}`);
      const items = inPreamble.map((para) => {
        // eIds derive from the language-neutral number: every language's expression has the same ones.
        const eId = ids.take(`rec_${eIdNumber(neutralLabel(para))}`);
        eIdOf.set(para.id, eId);
        const body = blocks(nest(bracketedLines(para)), eId, ids, w);
        return `        <recital eId="${eId}" ${guid(para)}><num>${esc(paragraphLabel(para))}</num>${body}</recital>`;
      });
      const heading = inBody.length === 0 ? `<intro><p>${esc(s.heading)}</p></intro>` : '';
      recitals.push(`      <recitals eId="${recsId}">${heading}\n${items.join('\n')}\n      </recitals>`);
    }
    if (inBody.length > 0) {
      const secId = ids.take(`sec_${sections.length + 1}`);
      const paras = inBody.map((para) => {
        const eId = ids.take(`para_${eIdNumber(neutralLabel(para))}`);
        eIdOf.set(para.id, eId);
        const content = hierarchy(nest(bracketedLines(para)), eId, ids, '        ', w);
        const num = `<num>${esc(paragraphLabel(para))}</num>`;
        return `        <paragraph eId="${eId}" ${guid(para)} class="${para.kind}">${num}${content}</paragraph>`;
      });
      sections.push(
        `      <section eId="${secId}"><heading>${esc(s.heading)}</heading>\n${paras.join('\n')}\n      </section>`,
      );
    }
  }

  const negotiation =
    r.variant === 'negotiating'
      ? all
          .map((para) => {
            const objections = para.objections
              .map(
                (o) => `<accord:objection by="${esc(o.author)}" at="${iso(o.at)}">${esc(o.reason)}</accord:objection>`,
              )
              .join('');
            const brackets = para.brackets
              .map(
                (b) =>
                  `<accord:bracket id="${esc(b.id)}" by="${esc(b.byName)}" at="${iso(b.at)}"` +
                  `${b.option !== null ? ` option="${b.option}"` : ''}${b.whole ? ' whole="true"' : ''}/>`,
              )
              .join('');
            const lock = para.lock ? `<accord:lock by="${esc(para.lock.byName)}" at="${iso(para.lock.at)}"/>` : '';
            return (
              `        <accord:paragraph href="#${eIdOf.get(para.id) ?? ''}" id="${esc(para.id)}" number="${esc(para.number)}" ` +
              `status="${para.status}" locked="${para.locked}" bracketed="${para.bracketed}">${lock}${brackets}${objections}` +
              '</accord:paragraph>'
            );
          })
          .join('\n')
      : '';
  const kind = r.variant === 'negotiating' ? w.negotiatingText : w.report;
  const status = [r.revision, kind].filter((x) => x !== '').join(' · ');
  const preface = [
    r.symbol !== '' ? `<p class="docNumber"><docNumber>${esc(r.symbol)}</docNumber></p>` : '',
    `<p class="title"><docTitle>${esc(r.title)}</docTitle></p>`,
    `<p class="status"><docStatus>${esc(status)}</docStatus></p>`,
    r.draftMark ? `<p class="draftMark"><docStatus refersTo="#draftMark">${esc(w.draftMark)}</docStatus></p>` : '',
  ].join('');
  const preamble = recitals.length > 0 ? `    <preamble>\n${recitals.join('\n')}\n    </preamble>\n` : '';
  const frbr = (level: 'Work' | 'Expression' | 'Manifestation', thisIri: string, uri: string, extra: string) =>
    `<FRBR${level}><FRBRthis value="${esc(thisIri)}"/><FRBRuri value="${esc(uri)}"/><FRBRdate date="${date}" name="generation"/>` +
    `<FRBRauthor href="${level === 'Manifestation' ? '#accord' : '#group'}"/>${extra}</FRBR${level}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <doc name="report">
    <meta>
      <identification source="#accord">
        ${frbr('Work', `${work}/!main`, work, `<FRBRcountry value="un"/>${r.symbol !== '' ? `<FRBRnumber value="${esc(r.symbol)}"/>` : ''}<FRBRname value="report"/>`)}
        ${frbr('Expression', `${expression}/!main`, expression, `<FRBRlanguage language="${language}"/>`)}
        ${frbr('Manifestation', `${expression}/!main.xml`, `${expression}.akn`, '')}
      </identification>
      <references source="#accord"><TLCOrganization eId="accord" href="/ontology/organization/accord" showAs="Accord"/><TLCOrganization eId="group" href="/ontology/organization/group" showAs="${esc(w.group)}"/>${r.draftMark ? `<TLCConcept eId="draftMark" href="/ontology/concept/draftMark" showAs="${esc(w.draftMark)}"/>` : ''}</references>
      <proprietary source="#accord">
        <accord:negotiation xmlns:accord="urn:accord:negotiation:1" variant="${r.variant}" revision="${esc(r.revision)}" draftMark="${r.draftMark}">
${negotiation}
        </accord:negotiation>
      </proprietary>
    </meta>
    <preface>${preface}</preface>
${preamble}    <mainBody>
${sections.join('\n')}
    </mainBody>
  </doc>
</akomaNtoso>
`;
}
