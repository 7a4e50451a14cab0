import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { eIdNumber, exportAkomaNtoso } from '../../server/export/aknExport.js';
import { buildReport, lineText, type Report } from '../../server/export/reportModel.js';
import { propertyRuns } from '../support/propertyRuns.js';
import { randomText } from '../support/randomDraft.js';

/**
 * No package on the npm registry these machines reach ships the AKN 3.0 XSD, so these tests check
 * the structure against the rules of the AKN naming convention (akn-nc v1.0) instead of validating
 * against the schema: FRBR IRIs, `!main`, eIds built from element references and `<num>`,
 * hierarchical prefixes, uniqueness, and references that resolve.
 */

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

type Raw = Record<string, unknown>;

function tree(xml: string): El {
  const raw = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    htmlEntities: true,
    parseTagValue: false,
  }).parse(xml) as Raw[];
  const convert = (node: Raw): El | null => {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name) return null;
    if (name === '#text') return { name, attrs: {}, children: [], text: String(node[name]) };
    const children = ((node[name] as Raw[]) ?? []).map(convert).filter((c): c is El => c !== null);
    return { name, attrs: (node[':@'] as Record<string, string>) ?? {}, children, text: '' };
  };
  return convert(raw.find((n) => 'akomaNtoso' in n)!)!;
}

const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
const child = (el: El, name: string) => el.children.find((c) => c.name === name);
const textOf = (el: El, skip: string[] = []): string =>
  el.name === '#text' ? el.text : skip.includes(el.name) ? '' : el.children.map((c) => textOf(c, skip)).join('');

/** Element references of the naming convention for the elements we write. */
const refs: Record<string, string> = {
  section: 'sec',
  paragraph: 'para',
  subparagraph: 'subpara',
  recitals: 'recs',
  recital: 'rec',
  hcontainer: 'hcontainer',
  blockList: 'list',
  item: 'item',
};
/** Numbered uniquely in the whole document: their eIds have no prefix. */
const topLevel = new Set(['section', 'paragraph', 'recitals', 'recital']);

function checkNamingConvention(xml: string, r: Report): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  const root = tree(xml);
  const doc = child(root, 'doc')!;
  const elements = all(root);

  // IRIs: /akn/<country>/<type>/<subtype>/<date>/<number>, expression <work>/<lang>@<version>, !main components.
  const frbr = (level: string, what: string) =>
    child(child(child(child(doc, 'meta')!, 'identification')!, level)!, what)!.attrs.value!;
  const work = frbr('FRBRWork', 'FRBRuri');
  expect(work).toMatch(/^\/akn\/un\/doc\/report\/\d{4}-\d{2}-\d{2}\/[^/\s]+$/);
  expect(frbr('FRBRWork', 'FRBRthis')).toBe(`${work}/!main`);
  const expression = frbr('FRBRExpression', 'FRBRuri');
  expect(expression).toMatch(
    new RegExp(`^${work.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[a-z]{3}@\\d{4}-\\d{2}-\\d{2}$`),
  );
  expect(frbr('FRBRExpression', 'FRBRthis')).toBe(`${expression}/!main`);
  expect(frbr('FRBRManifestation', 'FRBRthis')).toBe(`${expression}/!main.xml`);
  expect(frbr('FRBRManifestation', 'FRBRuri')).toBe(`${expression}.akn`);

  // eIds: unique; <ref>_<number>; prefixed by the nearest ancestor with an eId unless top-level.
  const eIds = new Set<string>();
  const walk = (el: El, parentEId: string | null) => {
    let here = parentEId;
    const eId = el.attrs.eId;
    if (eId !== undefined) {
      expect(eIds.has(eId), `duplicate eId ${eId}`).toBe(false);
      eIds.add(eId);
      const ref = refs[el.name];
      expect(ref, `eId on ${el.name}`).toBeDefined();
      const parts = eId.split('__');
      const last = parts.at(-1)!;
      expect(last).toMatch(new RegExp(`^${ref}_[\\p{L}\\p{N}-]+$`, 'u'));
      if (topLevel.has(el.name)) expect(parts).toHaveLength(1);
      else expect(eId.startsWith(`${parentEId}__`), `${eId} under ${parentEId}`).toBe(true);
      const num = child(el, 'num');
      if (num) expect(last).toBe(`${ref}_${eIdNumber(textOf(num))}`);
      here = eId;
    }
    for (const c of el.children) walk(c, here);
  };
  // TLC references in the metadata name themselves (#accord); the body follows the convention.
  for (const el of elements) if (el.name.startsWith('TLC')) eIds.add(el.attrs.eId!);
  for (const part of ['preamble', 'mainBody']) {
    const el = child(doc, part);
    if (el) walk(el, null);
  }

  // References from the proprietary block resolve.
  for (const el of elements.filter((e) => e.name === 'accord:paragraph')) {
    expect(eIds.has(el.attrs.href!.slice(1)), el.attrs.href).toBe(true);
  }

  // Every paragraph is there, in order, preambular ones first as recitals, with its text and brackets.
  const numbered = elements.filter((e) => e.name === 'recital' || e.name === 'paragraph');
  const paragraphs = r.sections.flatMap((s) => s.paragraphs);
  expect(numbered.map((e) => textOf(child(e, 'num')!))).toEqual(
    paragraphs.map((p) => (p.option === null ? p.number : `${p.number} (Option ${p.option})`)),
  );
  numbered.forEach((e, i) => {
    const p = paragraphs[i]!;
    if (e.name === 'recital') expect(p.kind).toBe('preambular');
    const expected = `${p.bracketed ? '[' : ''}${p.lines.map((l) => lineText(l.tokens)).join('')}${p.bracketed ? ']' : ''}`;
    // Lines are separate <p>s and the file is indented: compare without white space.
    expect(textOf(e, ['num']).replace(/\s+/g, '')).toBe(expected.replace(/\s+/g, ''));
    // Subparagraphs: as many as the report has labelled lines, each numbered as labelled.
    const subs = all(e).filter((x) => x.name === 'subparagraph' || x.name === 'item');
    expect(subs.map((x) => (child(x, 'num') ? textOf(child(x, 'num')!) : '•'))).toEqual(
      p.lines.filter((l) => l.label !== null).map((l) => l.label),
    );
  });
  const firstOperative = paragraphs.findIndex((p) => p.kind === 'operative');
  expect(numbered.filter((e) => e.name === 'recital')).toHaveLength(Math.max(0, firstOperative));
}

describe('Akoma Ntoso naming convention', () => {
  it('eIds from <num>: "8 bis" → 8bis, "(a)" → a, "3 (Option 1)" → 3-Option1, "PP2" → PP2', () => {
    expect(['8 bis', '(a)', '(iv)', '3 (Option 1)', 'PP2', '12.', '7 ter (Option 2)'].map(eIdNumber)).toEqual([
      '8bis',
      'a',
      'iv',
      '3-Option1',
      'PP2',
      '12',
      '7ter-Option2',
    ]);
  });

  it('property: the export of any text follows the convention and holds every paragraph, bracket and subparagraph', () => {
    fc.assert(
      fc.property(
        randomText,
        fc.constantFrom('negotiating' as const, 'clean' as const),
        ({ draft, governance }, variant) => {
          const r = buildReport({
            draft,
            governance,
            variant,
            revision: 'Rev.1',
            generatedAt: new Date(Date.UTC(2026, 4, 6)),
          });
          checkNamingConvention(exportAkomaNtoso(r), r);
        },
      ),
      propertyRuns('AKN naming convention', 60),
    );
  }, 180_000);
});
