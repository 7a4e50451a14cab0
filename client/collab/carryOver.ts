import * as Y from 'yjs';
import { paragraphText } from '../../shared/model/compare';
import { numberDraft } from '../../shared/model/numbering';
import { readClause, readDraft } from '../../shared/model/readDraft';
import { EDITOR_ROOT, Node } from '../../shared/model/schemaNames';
import { schemaLimits } from '../../shared/model/schemaRules';
import { i18n } from '../i18n/i18n';

/** A paragraph the user changed that could not be sent: shown with its text so it can be copied. */
export interface UnsentParagraph {
  id: string;
  /** Its number as the user last saw it ("7", "PP2"), or '' when it has none. */
  number: string;
  /** The user's version as printed (brackets as [ ]), or the text they deleted. */
  text: string;
  /** Why it was not applied. */
  reason: string;
  deleted: boolean;
}

export interface CarryOverResult {
  /** Paragraphs whose changes were re-applied on the fresh document. */
  applied: string[];
  unsent: UnsentParagraph[];
}

/** Why a paragraph's change cannot be re-applied (refused by the server, locked meanwhile), or null. */
export type BlockedReason = (paragraphId: string) => string | null;

interface Place {
  el: Y.XmlElement;
  section: Y.XmlElement;
}

/**
 * After the server refused an update, the browser starts again from the server's state
 * (`current`, a fresh Y.Doc with a new client id) — but the user must not lose what they
 * typed. `previous` is the refused session's document: everything it has that the server
 * does not is merged (as a CRDT, so others' edits in between are kept) into a scratch copy
 * of `current`, and each paragraph that came out different is made so on `current`, in one
 * local transaction the provider then sends: new paragraphs are inserted after their
 * predecessor, deleted ones deleted, changed ones given the merged attributes and content.
 * Paragraphs `blocked` names are left as the server has them and returned with the
 * user's text, to copy.
 */
export function carryOver(previous: Y.Doc, current: Y.Doc, blocked: BlockedReason): CarryOverResult {
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(current));
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(previous, Y.encodeStateVector(current)));

  const mine = places(merged);
  const theirs = places(current);
  const numbers = numberDraft(readDraft(previous.getXmlFragment(EDITOR_ROOT)));
  const result: CarryOverResult = { applied: [], unsent: [] };
  const unsent = (id: string, el: Y.XmlElement, reason: string, deleted: boolean) =>
    result.unsent.push({
      id,
      number: numbers.get(id)?.number ?? '',
      text: paragraphText(readClause(el)),
      reason,
      deleted,
    });

  current.transact(() => {
    // Sections created offline come over whole (their paragraphs are new: nothing to lock).
    const sectionsNow = sectionIds(current);
    const root = current.getXmlFragment(EDITOR_ROOT);
    let previousSection: string | null = null;
    for (const section of merged.getXmlFragment(EDITOR_ROOT).toArray()) {
      if (!(section instanceof Y.XmlElement) || section.nodeName !== Node.section) continue;
      const id = String(section.getAttribute('id') ?? '');
      if (!sectionsNow.has(id)) {
        const after = previousSection === null ? -1 : indexOf(root, (n) => n.getAttribute('id') === previousSection);
        root.insert(after + 1, [section.clone()]);
        for (const [cid, p] of mine) if (p.section === section) result.applied.push(cid);
      }
      previousSection = id;
    }

    for (const [id, p] of mine) {
      if (!sectionsNow.has(String(p.section.getAttribute('id') ?? ''))) continue; // came with its section
      const now = theirs.get(id);
      if (now && signature(now.el) === signature(p.el)) continue;
      const reason = tooLong(p.el) ?? blocked(id);
      if (reason) {
        unsent(id, p.el, reason, false);
        continue;
      }
      if (now) replaceClause(now.el, p.el);
      else insertAfterPredecessor(current, p);
      result.applied.push(id);
    }
    for (const [id, now] of theirs) {
      if (mine.has(id)) continue;
      const reason = blocked(id);
      if (reason) {
        unsent(id, now.el, reason, true);
        continue;
      }
      const index = now.section.toArray().indexOf(now.el);
      if (index >= 0) now.section.delete(index, 1);
      result.applied.push(id);
    }
  }, CARRY_OVER_ORIGIN);
  merged.destroy();
  return result;
}

/** Origin of the transaction that re-applies carried-over edits. */
export const CARRY_OVER_ORIGIN = Symbol('carry-over');

function places(doc: Y.Doc): Map<string, Place> {
  const out = new Map<string, Place>();
  for (const section of doc.getXmlFragment(EDITOR_ROOT).toArray()) {
    if (!(section instanceof Y.XmlElement) || section.nodeName !== Node.section) continue;
    for (const el of section.toArray()) {
      if (el instanceof Y.XmlElement && el.nodeName === Node.clause) {
        const id = el.getAttribute('id');
        if (typeof id === 'string' && id !== '') out.set(id, { el, section });
      }
    }
  }
  return out;
}

function sectionIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const s of doc.getXmlFragment(EDITOR_ROOT).toArray()) {
    if (s instanceof Y.XmlElement && s.nodeName === Node.section) ids.add(String(s.getAttribute('id') ?? ''));
  }
  return ids;
}

function indexOf(parent: Y.XmlFragment | Y.XmlElement, match: (el: Y.XmlElement) => boolean): number {
  return parent.toArray().findIndex((n) => n instanceof Y.XmlElement && match(n));
}

/** Inserts a copy of `p` after the paragraph that precedes it in the user's version (or after the heading). */
function insertAfterPredecessor(current: Y.Doc, p: Place): void {
  const sectionId = p.section.getAttribute('id');
  const root = current.getXmlFragment(EDITOR_ROOT);
  const target = root.toArray().find((s) => s instanceof Y.XmlElement && s.getAttribute('id') === sectionId);
  if (!(target instanceof Y.XmlElement)) return;
  const siblings = p.section.toArray();
  let at = target.toArray().findIndex((n) => n instanceof Y.XmlElement && n.nodeName === Node.sectionHeading) + 1;
  for (let i = siblings.indexOf(p.el) - 1; i >= 0; i--) {
    const before = siblings[i];
    if (!(before instanceof Y.XmlElement) || before.nodeName !== Node.clause) continue;
    const found = indexOf(target, (n) => n.getAttribute('id') === before.getAttribute('id'));
    if (found >= 0) {
      at = found + 1;
      break;
    }
  }
  target.insert(at, [p.el.clone()]);
}

/** Gives `now` the attributes and content of `wanted` (attributes one by one, content wholesale). */
function replaceClause(now: Y.XmlElement, wanted: Y.XmlElement): void {
  const a = now.getAttributes() as Record<string, unknown>;
  const b = wanted.getAttributes() as Record<string, unknown>;
  for (const key of Object.keys(a)) if (!(key in b)) now.removeAttribute(key);
  for (const [key, value] of Object.entries(b)) {
    if (JSON.stringify(a[key]) !== JSON.stringify(value)) now.setAttribute(key, value as string);
  }
  if (childrenSignature(now) === childrenSignature(wanted)) return;
  now.delete(0, now.length);
  now.insert(
    0,
    wanted.toArray().map((c) => c.clone() as Y.XmlElement | Y.XmlText),
  );
}

/** Why the server would refuse this paragraph's size, or null (so it is shown rather than resent). */
function tooLong(el: Y.XmlElement): string | null {
  const stack: Y.XmlElement[] = [el];
  while (stack.length > 0) {
    for (const c of (stack.pop() as Y.XmlElement).toArray()) {
      if (c instanceof Y.XmlText && c.length > schemaLimits.textLength) {
        return i18n.t('collab.tooLong', { max: schemaLimits.textLength });
      }
      if (c instanceof Y.XmlElement) stack.push(c);
    }
  }
  return null;
}

/** Everything a paragraph holds, as one comparable string. */
function signature(el: Y.XmlElement): string {
  const attrs = Object.entries(el.getAttributes()).sort(([x], [y]) => (x < y ? -1 : 1));
  return JSON.stringify([attrs, childrenSignature(el)]);
}

function childrenSignature(el: Y.XmlElement): string {
  const parts: unknown[] = [];
  for (const c of el.toArray()) {
    if (c instanceof Y.XmlText) parts.push(c.toDelta());
    else if (c instanceof Y.XmlElement) parts.push([c.nodeName, signature(c)]);
  }
  return JSON.stringify(parts);
}
