import * as Y from 'yjs';
import type { Block, Bracket, Draft, InlineRun, Paragraph, Section } from './draft.js';
import type { Governance } from './governance.js';
import { overlappingMarkKey } from './markKeys.js';
import { Mark, Node } from './schemaNames.js';
import { schemaLimits } from './schemaRules.js';

/**
 * Writes a draft into the editor's Yjs tree exactly as the TipTap editor would (same
 * node names, attributes and mark keys), for the demo draft, imports and tests. Appends
 * to the fragment; call inside a transaction.
 */
export function writeDraft(fragment: Y.XmlFragment, draft: Draft): void {
  for (const section of draft.sections) {
    const el = new Y.XmlElement(Node.section);
    fragment.push([el]);
    fillSection(el, section);
  }
}

function fillSection(el: Y.XmlElement, section: Section): void {
  el.setAttribute('id', section.id);
  const heading = new Y.XmlElement(Node.sectionHeading);
  el.push([heading]);
  if (section.heading !== '') {
    const text = new Y.XmlText();
    heading.push([text]);
    text.insert(0, section.heading);
  }
  for (const p of section.paragraphs) el.push([clauseElement(p)]);
}

/** A paragraph of the draft as a `clause` element (not yet integrated). */
export function clauseElement(p: Paragraph): Y.XmlElement {
  const el = new Y.XmlElement(Node.clause);
  el.setAttribute('id', p.id);
  el.setAttribute('kind', p.kind);
  el.setAttribute('bis', p.bis as unknown as string);
  if (p.altGroup !== null) el.setAttribute('altGroup', p.altGroup);
  if (p.bracket !== null) el.setAttribute('bracket', bracketAttrs(p.bracket) as unknown as string);
  el.insert(0, orEmptyParagraph(p.blocks.flatMap((b) => blockElement(b))));
  return el;
}

/**
 * A block as the editor would hold it. Lists deeper than the editor schema allows (an
 * imported file can nest them at will) are written as plain paragraphs of the deepest
 * item: the text is kept and the tree stays within what the guard and every reader accept.
 */
function blockElement(block: Block, depth = 0): Y.XmlElement[] {
  if (block.type === 'text') {
    const el = new Y.XmlElement(Node.paragraph);
    if (block.runs.some((r) => r.text !== '')) el.insert(0, [textOf(block.runs)]);
    return [el];
  }
  if (depth >= schemaLimits.listDepth) return flatParagraphs(block);
  const list = new Y.XmlElement(block.ordered ? Node.orderedList : Node.bulletList);
  list.insert(
    0,
    block.items.map((item) => {
      const li = new Y.XmlElement(Node.listItem);
      li.insert(0, orEmptyParagraph(item.flatMap((b) => blockElement(b, depth + 1))));
      return li;
    }),
  );
  return [list];
}

/** An element that must hold a block holds at least an empty paragraph. */
function orEmptyParagraph(els: Y.XmlElement[]): Y.XmlElement[] {
  return els.length > 0 ? els : [new Y.XmlElement(Node.paragraph)];
}

/** The text blocks inside a list, in reading order, as paragraphs (iteratively: any depth). */
function flatParagraphs(list: Block): Y.XmlElement[] {
  const out: Y.XmlElement[] = [];
  const stack: Block[] = [list];
  while (stack.length > 0) {
    const b = stack.pop() as Block;
    if (b.type === 'text') {
      out.push(...blockElement(b));
      continue;
    }
    for (let i = b.items.length - 1; i >= 0; i--) {
      const item = b.items[i] as Block[];
      for (let j = item.length - 1; j >= 0; j--) stack.push(item[j] as Block);
    }
  }
  return out;
}

function textOf(runs: InlineRun[]): Y.XmlText {
  const text = new Y.XmlText();
  text.applyDelta(runs.filter((r) => r.text !== '').map((r) => ({ insert: r.text, attributes: attributesOf(r) })));
  return text;
}

function attributesOf(run: InlineRun): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  if (run.bold) attrs[Mark.bold] = {};
  if (run.italic) attrs[Mark.italic] = {};
  for (const b of run.brackets) {
    const a = bracketAttrs(b);
    attrs[overlappingMarkKey(Mark.bracket, a)] = a;
  }
  return attrs;
}

/** Attribute order matters: it is the order the editor schema declares them, and the mark key hashes it. */
export function bracketAttrs(b: Bracket): Record<string, unknown> {
  return { id: b.id, by: b.by, byName: b.byName, at: b.at, group: b.group };
}

/** Server-only: fills the `gov` map (statuses, locks, objections, meta). */
export function writeGovernance(map: Y.Map<unknown>, gov: Governance): void {
  const meta = new Y.Map<string>();
  map.set('meta', meta);
  meta.set('title', gov.meta.title);
  meta.set('symbol', gov.meta.symbol);
  const statuses = new Y.Map<unknown>();
  map.set('statuses', statuses);
  for (const [id, s] of Object.entries(gov.statuses)) statuses.set(id, s);
  const locks = new Y.Map<unknown>();
  map.set('locks', locks);
  for (const [id, l] of Object.entries(gov.locks)) locks.set(id, l);
  const objections = new Y.Map<unknown>();
  map.set('objections', objections);
  for (const o of gov.objections) objections.set(o.id, o);
}
