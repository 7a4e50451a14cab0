import * as Y from 'yjs';
import { bracketSignature, parseBracket } from '../../shared/model/bracketRules.js';
import type { Bracket } from '../../shared/model/draft.js';
import { markNameOf } from '../../shared/model/markKeys.js';
import { EDITOR_ROOT, Mark, Node } from '../../shared/model/schemaNames.js';
import {
  attributeProblem,
  childProblem,
  hasBoundedChildren,
  isList,
  isSchemaElement,
  markProblem,
  ROOT,
  schemaLimits,
  TEXT,
} from '../../shared/model/schemaRules.js';
import { type TextEdit, textCoverage } from './bracketCoverage.js';
import type { BracketIndex } from './bracketIndex.js';
import { type FreshStruct, integrationOrder } from './integrationOrder.js';

// Yjs types are invariant in their event type; any shared type will do here.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type YType = Y.AbstractType<any>;

/** A bracket an update creates, changes, moves the edges of or removes, and the paragraph it is in. */
export interface BracketFact {
  bracket: Bracket;
  paragraph: string | null;
}

/** What an update would do to a document, found without applying it. */
export interface UpdateFacts {
  /** Something would change: a struct the document lacks, or a deletion of a live item. */
  changes: boolean;
  /** Root types the update writes into or deletes from. */
  roots: Set<string>;
  /** Ids of existing paragraphs whose content, attributes or existence the update changes. */
  paragraphs: Set<string>;
  /** Ids of existing sections whose content (heading, paragraphs, their text) the update changes, or that it deletes. */
  sections: Set<string>;
  /** Ids given to paragraphs the update creates, or an existing paragraph is renamed to. */
  newParagraphIds: Set<string>;
  /**
   * Where the update adds paragraphs: the ids of existing sections that gain one, and
   * `NEW_PARAGRAPH_ELSEWHERE` for one inside a new section or outside any section.
   */
  newParagraphSections: Set<string>;
  /** The update deletes an element containing a protected paragraph (e.g. its section). */
  deletesProtectedContainer: boolean;
  /** The update deletes an element containing a paragraph under silence (shared/model/silence.ts). */
  deletesFrozenContainer: boolean;
  /** Yjs could not integrate all of it at once (a missing reference, a gap, a cycle): refused, never held back. */
  unknownReference: boolean;
  /** Node or mark names outside the editor schema (a modified client's `<script>`), or values of the wrong shape. */
  foreignNames: Set<string>;
  /** Containment and size rules of the editor schema the update would break. */
  structure: Set<string>;
  /** Yjs client ids the update brings structs of. */
  clients: Set<number>;
  /** Brackets the update introduces (ids the document never had). */
  newBrackets: BracketFact[];
  /** Existing brackets the update would give other attributes. */
  alteredBrackets: BracketFact[];
  /** Existing brackets whose extent over existing text the update changes, or that it removes. */
  touchedBrackets: BracketFact[];
  /** Of those, the brackets that would be gone from the document. */
  removedBrackets: BracketFact[];
  /** Paragraph alternatives losing an option: the group and the Yjs clients that set the removed `altGroup` values. */
  resolvedGroups: Array<{ group: string; paragraph: string | null; setBy: Set<number> }>;
}

export interface InspectionContext {
  /** Types containing a protected (locked) paragraph, precomputed when the lock was set. */
  protectedContainers: ReadonlySet<YType>;
  /** Types containing a paragraph under silence, precomputed when the silence started. */
  frozenContainers?: ReadonlySet<YType>;
  brackets: BracketIndex;
}

/** Where an item's content goes: the container it is inserted into. */
interface Place {
  root: string;
  /** Enclosing paragraph id; NEW_CLAUSE inside a paragraph the update creates; null outside any. */
  clause: string | null;
  /** Enclosing section id; NEW_SECTION inside a section the update creates; null outside any. */
  section: string | null;
  /** ROOT, an element name, TEXT, or OTHER for anything that is not the editor's XML tree. */
  name: string;
  /** For TEXT: the name of the element holding the run. */
  holder: string;
  listDepth: number;
  existing: YType | null;
  fresh: Y.Item | null;
}

const NEW_CLAUSE = '\u0000new';
/** In `newParagraphSections`: a paragraph added inside a section the update creates, or outside any. */
export const NEW_PARAGRAPH_ELSEWHERE = '\u0000elsewhere';
const NEW_SECTION = '\u0000new-section';
const OTHER = '#other';

/**
 * Decodes `update` and finds what it would do, struct by struct, without applying it:
 * whether Yjs can integrate all of it at once (integrationOrder), where each new struct
 * goes (following origins, right origins and parents as Yjs does), what it deletes
 * (including everything inside a deleted element), which schema rules it breaks, and what
 * it does to brackets and alternatives.
 *
 * Cost is O(size of the update × depth of the tree), plus the items of the text runs
 * whose brackets it touches and of the elements it deletes: parents are found by binary
 * search in the struct store, places are memoised, and nothing else is scanned.
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array, ctx: InspectionContext): UpdateFacts {
  const { structs, ds } = Y.decodeUpdate(update);
  const store = doc.store;
  const facts: UpdateFacts = {
    changes: false,
    roots: new Set(),
    paragraphs: new Set(),
    sections: new Set(),
    newParagraphIds: new Set(),
    newParagraphSections: new Set(),
    deletesProtectedContainer: false,
    deletesFrozenContainer: false,
    unknownReference: false,
    foreignNames: new Set(),
    structure: new Set(),
    clients: new Set(),
    newBrackets: [],
    alteredBrackets: [],
    touchedBrackets: [],
    removedBrackets: [],
    resolvedGroups: [],
  };
  const integration = integrationOrder(store, structs);
  if (!integration) {
    facts.unknownReference = true;
    return facts;
  }
  const { order, ranges } = integration;

  // Fresh structs by client (clock order) for lookups by id.
  const freshByClient = new Map<number, FreshStruct[]>();
  for (const s of order) {
    let list = freshByClient.get(s.id.client);
    if (!list) freshByClient.set(s.id.client, (list = []));
    list.push(s);
    facts.clients.add(s.id.client);
    facts.changes = true;
  }
  for (const list of freshByClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  const findFresh = (id: Y.ID): FreshStruct | null => {
    const list = freshByClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid] as FreshStruct;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };
  /** The struct an id names: an existing one (when the document has that clock) or a fresh one. */
  const resolve = (id: Y.ID): { s: Y.Item | Y.GC; fresh: boolean } | null => {
    if (id.clock < Y.getState(store, id.client)) {
      const structsOf = store.clients.get(id.client) ?? [];
      const s = structsOf[Y.findIndexSS(structsOf, id.clock)];
      return s instanceof Y.Item || s instanceof Y.GC ? { s, fresh: false } : null;
    }
    const f = findFresh(id);
    return f ? { s: f, fresh: true } : null;
  };

  // --- Places of existing types (memoised walk up to the root) ---
  const typePlaces = new Map<YType, Place>();
  const placeOfType = (type: YType): Place => {
    const chain: YType[] = [];
    let t: YType | null = type;
    while (t && !typePlaces.has(t)) {
      chain.push(t);
      t = t._item ? (t._item.parent as YType) : null;
    }
    let outer = t ? (typePlaces.get(t) as Place) : null;
    for (let i = chain.length - 1; i >= 0; i--) {
      const ty = chain[i] as YType;
      const place = outer ? innerPlace(outer, ty, null) : rootPlace(ty);
      typePlaces.set(ty, place);
      outer = place;
    }
    return outer as Place;
  };
  const rootPlace = (type: YType): Place => {
    const root = Y.findRootTypeKey(type);
    return {
      root,
      clause: null,
      section: null,
      // The editor's root, whatever Yjs instantiated it as so far (a root read from an update is untyped).
      name: root === EDITOR_ROOT ? ROOT : OTHER,
      holder: '',
      listDepth: 0,
      existing: type,
      fresh: null,
    };
  };
  const namedRoot = (key: string): Place => {
    const existing = doc.share.get(key);
    if (existing) return placeOfType(existing as YType);
    const name = key === EDITOR_ROOT ? ROOT : OTHER;
    return { root: key, clause: null, section: null, name, holder: '', listDepth: 0, existing: null, fresh: null };
  };
  /** The place inside `type` (existing) or inside the type a fresh item creates. */
  const innerPlace = (outer: Place, type: YType, freshItem: Y.Item | null): Place => {
    let name = OTHER;
    if (outer.name !== OTHER) {
      if (type instanceof Y.XmlElement) name = type.nodeName;
      else if (type instanceof Y.XmlText) name = TEXT;
    }
    let clause = outer.clause;
    if (clause === null && name === Node.clause) {
      if (freshItem) clause = NEW_CLAUSE;
      else {
        const id = (type as Y.XmlElement).getAttribute('id') as unknown;
        clause = typeof id === 'string' ? id : '';
      }
    }
    let section = outer.section;
    if (section === null && name === Node.section) {
      if (freshItem) section = NEW_SECTION;
      else {
        const id = (type as Y.XmlElement).getAttribute('id') as unknown;
        section = typeof id === 'string' ? id : '';
      }
    }
    return {
      root: outer.root,
      clause,
      section,
      name,
      holder: name === TEXT ? outer.name : '',
      listDepth: outer.listDepth + (isList(name) ? 1 : 0),
      existing: freshItem ? null : type,
      fresh: freshItem,
    };
  };

  // --- Places of fresh items, in integration order (so every reference is placed first) ---
  const placeOf = new Map<FreshStruct, Place | null>();
  const subOf = new Map<Y.Item, string | null>();
  const freshTypePlaces = new Map<Y.Item, Place>();
  const placeInsideFresh = (f: Y.Item): Place | null => {
    const memo = freshTypePlaces.get(f);
    if (memo) return memo;
    const outer = placeOf.get(f);
    if (!outer || !(f.content instanceof Y.ContentType)) return null;
    const place = innerPlace(outer, f.content.type as YType, f);
    freshTypePlaces.set(f, place);
    return place;
  };
  const containerOfNeighbour = (n: { s: Y.Item | Y.GC; fresh: boolean }): Place | null =>
    n.fresh ? (placeOf.get(n.s) ?? null) : placeOfType((n.s as Y.Item).parent as YType);
  const subOfNeighbour = (n: { s: Y.Item | Y.GC; fresh: boolean }): string | null =>
    n.fresh ? (subOf.get(n.s as Y.Item) ?? null) : (n.s as Y.Item).parentSub;
  /** A neighbour Yjs will treat as garbage (a GC, or a fresh item that will itself be collected). */
  const isGarbage = (n: { s: Y.Item | Y.GC; fresh: boolean } | null) =>
    n !== null && (n.s instanceof Y.GC || (n.fresh && placeOf.get(n.s) === null));

  for (const s of order) {
    if (!(s instanceof Y.Item)) {
      placeOf.set(s, null);
      continue;
    }
    const left = s.origin ? resolve(s.origin) : null;
    const right = s.rightOrigin ? resolve(s.rightOrigin) : null;
    let place: Place | null = null;
    let sub: string | null = null;
    if (isGarbage(left) || isGarbage(right)) {
      place = null; // Yjs collects an item next to collected content: it has no effect
    } else if (left || right) {
      const n = (left ?? right) as { s: Y.Item; fresh: boolean };
      place = containerOfNeighbour(n);
      sub = subOfNeighbour(n);
      // Yjs only ever writes neighbours of one container; a hand-made item between neighbours of
      // two containers makes Yjs throw half-way through integrating (found by the guard fuzz).
      if (left && right) {
        const other = containerOfNeighbour(right);
        if (other?.existing !== place?.existing || other?.fresh !== place?.fresh || subOfNeighbour(right) !== sub) {
          facts.structure.add('an item between neighbours in different places');
        }
      }
    } else if (typeof s.parent === 'string') {
      place = namedRoot(s.parent);
      sub = s.parentSub;
    } else if (s.parent instanceof Y.ID) {
      const p = resolve(s.parent);
      sub = s.parentSub;
      if (p === null) {
        facts.unknownReference = true;
        return facts;
      }
      if (isGarbage(p)) place = null;
      else if (!((p.s as Y.Item).content instanceof Y.ContentType)) {
        facts.structure.add('an item is placed inside something that is not an element');
        place = null;
      } else
        place = p.fresh
          ? placeInsideFresh(p.s as Y.Item)
          : placeOfType(((p.s as Y.Item).content as Y.ContentType).type as YType);
    }
    // A partly known struct continues after its own client's last known item (Yjs uses that
    // item as its left neighbour): both must agree on where it goes, or Yjs would corrupt the tree.
    const range = ranges.get(s.id.client);
    if (range && s.id.clock < range.from) {
      const prev = resolve(Y.createID(s.id.client, range.from - 1));
      const prevItem = prev?.s instanceof Y.Item ? prev.s : null;
      if (!prevItem || !place || prevItem.parent !== place.existing || prevItem.parentSub !== sub) {
        facts.unknownReference = true;
        return facts;
      }
    }
    placeOf.set(s, place);
    subOf.set(s, sub);
  }

  // --- Deletions: the delete set, everything inside deleted elements, overwritten attributes ---
  const deletedRanges = new Map<Y.Item, Array<[number, number]>>(); // existing items → deleted offsets
  const deadTypes = new Set<YType>();
  const textEdits = new Map<Y.XmlText, TextEdit>();
  const removedValues: Array<{ item: Y.Item; element: Y.XmlElement }> = []; // clause attributes that go
  const lengthDelta = new Map<YType | Y.Item, number>();
  const addLength = (key: YType | Y.Item, n: number) => lengthDelta.set(key, (lengthDelta.get(key) ?? 0) + n);
  const editOf = (text: Y.XmlText): TextEdit => {
    let e = textEdits.get(text);
    if (!e) textEdits.set(text, (e = { deleted: new Map(), fresh: [], isDead: (f) => !isAlive(f) }));
    return e;
  };
  const note = (place: Place) => {
    facts.changes = true;
    facts.roots.add(place.root);
    if (place.clause !== null && place.clause !== NEW_CLAUSE) facts.paragraphs.add(place.clause);
    if (place.section !== null && place.section !== NEW_SECTION) facts.sections.add(place.section);
  };

  const deleteExisting = (item: Y.Item, from: number, to: number) => {
    // Inside an element this update deletes: already accounted for with that element.
    if (deadTypes.has(item.parent as YType)) return;
    const previous = deletedRanges.get(item);
    if (previous && item.length === 1) return;
    if (previous) previous.push([from, to]);
    else deletedRanges.set(item, [[from, to]]);
    const parent = item.parent as YType;
    note(placeOfType(parent));
    if (item.countable && item.parentSub === null) addLength(parent, -(to - from));
    if (item.content instanceof Y.ContentType) {
      const type = item.content.type;
      if (type instanceof Y.XmlElement && type.nodeName === Node.section) {
        const id = type.getAttribute('id') as unknown;
        facts.sections.add(typeof id === 'string' ? id : '');
      }
      deleteSubtree(type as YType);
    } else if (item.parentSub !== null) {
      if (parent instanceof Y.XmlElement && parent.nodeName === Node.clause)
        removedValues.push({ item, element: parent });
    } else if (parent instanceof Y.XmlText) {
      editOf(parent).deleted.set(item, deletedRanges.get(item) as Array<[number, number]>);
    }
  };
  /** Everything inside a deleted element goes with it (Yjs deletes it recursively). */
  const deleteSubtree = (root: YType) => {
    const stack: YType[] = [root];
    while (stack.length > 0) {
      const type = stack.pop() as YType;
      if (deadTypes.has(type)) continue;
      deadTypes.add(type);
      if (ctx.protectedContainers.has(type)) facts.deletesProtectedContainer = true;
      if (ctx.frozenContainers?.has(type)) facts.deletesFrozenContainer = true;
      if (type instanceof Y.XmlElement && type.nodeName === Node.clause) {
        note(placeOfType(type));
        for (const item of type._map.values()) {
          if (!item.deleted && !deletedRanges.has(item)) {
            deletedRanges.set(item, [[0, item.length]]);
            removedValues.push({ item, element: type });
          }
        }
      }
      for (let item = type._start; item !== null; item = item.right) {
        if (!item.deleted && item.content instanceof Y.ContentType) stack.push(item.content.type as YType);
      }
    }
  };

  const freshDeleted = new Map<number, Array<[number, number]>>();
  for (const [client, dsRanges] of ds.clients) {
    const known = Y.getState(store, client);
    const freshEnd = ranges.get(client)?.to ?? known;
    const sorted = [...dsRanges].sort((a, b) => a.clock - b.clock);
    for (const { clock, len } of sorted) {
      const end = clock + len;
      if (len === 0) continue;
      if (end > Math.max(known, freshEnd)) {
        facts.unknownReference = true; // Yjs would keep it as a pending delete set
        return facts;
      }
      if (end > known) {
        const list = freshDeleted.get(client) ?? [];
        list.push([Math.max(clock, known), end]);
        freshDeleted.set(client, list);
      }
      const stop = Math.min(end, known);
      if (clock >= stop) continue;
      const structsOf = store.clients.get(client) ?? [];
      for (let i = Y.findIndexSS(structsOf, clock); i < structsOf.length; i++) {
        const s = structsOf[i] as Y.Item | Y.GC;
        if (s.id.clock >= stop) break;
        if (!(s instanceof Y.Item) || s.deleted) continue;
        deleteExisting(s, Math.max(0, clock - s.id.clock), Math.min(s.length, stop - s.id.clock));
      }
    }
  }
  const isFreshDeleted = (s: FreshStruct): boolean => {
    const list = freshDeleted.get(s.id.client);
    if (!list) return false;
    for (const [a, b] of list) if (a <= s.id.clock && s.id.clock + s.length <= b) return true;
    return false;
  };

  // A fresh attribute value replaces the element's current one (Yjs deletes it when the new one lands).
  for (const s of order) {
    if (!(s instanceof Y.Item)) continue;
    const place = placeOf.get(s);
    const sub = subOf.get(s) ?? null;
    if (!place?.existing || sub === null) continue;
    const current = place.existing._map.get(sub);
    if (current && !current.deleted) deleteExisting(current, 0, current.length);
  }

  // --- Fresh items: alive or not, schema rules, brackets, sizes ---
  const aliveMemo = new Map<Y.Item, boolean>();
  const placeAlive = (place: Place): boolean => {
    if (place.fresh) return isAlive(place.fresh);
    const t = place.existing;
    if (!t) return true;
    return !deadTypes.has(t) && !(t._item?.deleted ?? false);
  };
  function isAlive(item: Y.Item): boolean {
    const memo = aliveMemo.get(item);
    if (memo !== undefined) return memo;
    const place = placeOf.get(item);
    const alive = !!place && !isFreshDeleted(item) && placeAlive(place);
    aliveMemo.set(item, alive);
    return alive;
  }

  const bracketsSeen = new Map<string, string>(); // id → signature, within this update
  const freshParagraphBrackets = new Map<string, number>();
  const freshGroups = new Map<string, number>();
  const attributeWrites = new Map<string, Y.Item[]>();
  const freshTexts = new Map<Y.Item, TextEdit>();
  const consider = (b: Bracket, place: Place) => {
    const fact = { bracket: b, paragraph: paragraphOf(place) };
    const known = ctx.brackets.get(b.id);
    const signature = bracketSignature(b);
    const seen = bracketsSeen.get(b.id);
    if ((known && known.signature !== signature) || (seen !== undefined && seen !== signature)) {
      facts.alteredBrackets.push(fact);
    } else if (!known && seen === undefined) facts.newBrackets.push(fact);
    bracketsSeen.set(b.id, signature);
  };

  for (const s of order) {
    if (!(s instanceof Y.Item)) continue;
    const place = placeOf.get(s);
    if (!place) continue;
    note(place);
    if (place.name === OTHER) continue; // not the editor's tree: the root policy decides
    const sub = subOf.get(s) ?? null;
    const content = s.content;
    const alive = isAlive(s);
    if (sub !== null) {
      checkAttribute(s, place, sub, alive);
      continue;
    }
    if (content instanceof Y.ContentDeleted) continue;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      let child: string;
      if (type instanceof Y.XmlElement) {
        child = type.nodeName;
        if (!isSchemaElement(child)) {
          facts.foreignNames.add(child.slice(0, 60));
          continue;
        }
      } else if (type instanceof Y.XmlText) child = TEXT;
      else {
        facts.structure.add('the draft can only hold elements and text');
        continue;
      }
      const problem = childProblem(place.name, child);
      if (problem) facts.structure.add(problem);
      if (child === Node.clause && alive) {
        const section = place.section;
        facts.newParagraphSections.add(section === null || section === NEW_SECTION ? NEW_PARAGRAPH_ELSEWHERE : section);
      }
      if (isList(child) && place.listDepth + 1 > schemaLimits.listDepth) {
        facts.structure.add(`lists may be nested ${schemaLimits.listDepth} deep at most`);
      }
      const holder = place.fresh ?? place.existing;
      if (alive && holder) addLength(holder, 1);
      if (child === TEXT) freshTexts.set(s, { deleted: new Map(), fresh: [], isDead: (f) => !isAlive(f) });
      continue;
    }
    if (content instanceof Y.ContentString || content instanceof Y.ContentFormat) {
      if (place.name !== TEXT) {
        facts.structure.add(`${content instanceof Y.ContentString ? 'text' : 'formatting'} outside a run of text`);
        continue;
      }
      if (content instanceof Y.ContentString) {
        const holder = place.fresh ?? place.existing;
        if (alive && holder) addLength(holder, s.length);
      } else {
        const name = markNameOf(content.key);
        if (!(Object.values(Mark) as string[]).includes(name)) {
          facts.foreignNames.add(content.key.slice(0, 60));
          continue;
        }
        const problem = markProblem(place.holder, content.key, content.value);
        if (problem) {
          (problem.startsWith('malformed') ? facts.foreignNames : facts.structure).add(problem);
          continue;
        }
        if (name === Mark.bracket && content.value !== null && alive) {
          const b = parseBracket(content.value) as Bracket;
          const owner = ctx.brackets.ownerOfKey(content.key);
          if (owner !== undefined && owner !== b.id)
            facts.alteredBrackets.push({ bracket: b, paragraph: paragraphOf(place) });
          consider(b, place);
        }
      }
      if (place.existing instanceof Y.XmlText) editOf(place.existing).fresh.push(s);
      else if (place.fresh) freshTexts.get(place.fresh)?.fresh.push(s);
      continue;
    }
    facts.structure.add('the draft cannot hold embedded content');
  }

  function checkAttribute(s: Y.Item, place: Place, sub: string, alive: boolean): void {
    if (place.name === ROOT || place.name === TEXT) {
      facts.structure.add(`${place.name === ROOT ? 'the draft' : 'text'} has no attributes`);
      return;
    }
    if (s.content instanceof Y.ContentDeleted) return;
    if (!(s.content instanceof Y.ContentAny) || s.content.arr.length !== 1 || s.rightOrigin !== null) {
      facts.structure.add(`attribute "${sub.slice(0, 40)}" is not a plain value`);
      return;
    }
    const value = s.content.arr[0];
    const problem = attributeProblem(place.name, sub, value);
    if (problem) {
      (problem.startsWith('malformed') ? facts.foreignNames : facts.structure).add(problem);
      return;
    }
    if (!alive) return;
    const key = `${place.existing ? `e${typeKey(place.existing)}` : `f${s.id.client}:${place.fresh?.id.clock}`}/${sub}`;
    const writes = attributeWrites.get(key) ?? [];
    writes.push(s);
    attributeWrites.set(key, writes);
    if (writes.length > 1) facts.structure.add(`attribute "${sub}" set twice on one element`);
    if (place.name !== Node.clause) return;
    if (sub === 'id') facts.newParagraphIds.add(String(value));
    const b = sub === 'bracket' && value !== null ? (parseBracket(value) as Bracket) : null;
    if (b) consider(b, place);
    // A new value only counts as present once it is sure to become the current one: it
    // follows the current value (or an earlier fresh value of the same attribute).
    const current = place.existing?._map.get(sub) ?? null;
    let follows: boolean;
    if (s.origin === null) follows = current === null || current.deleted;
    else if (current && Y.compareIDs(s.origin, current.lastId)) follows = true;
    else {
      const prev = findFresh(s.origin);
      follows = prev instanceof Y.Item && placeOf.get(prev) === place && subOf.get(prev) === sub;
    }
    if (!follows) return;
    if (b) freshParagraphBrackets.set(b.id, (freshParagraphBrackets.get(b.id) ?? 0) + 1);
    else if (sub === 'altGroup' && typeof value === 'string') freshGroups.set(value, (freshGroups.get(value) ?? 0) + 1);
  }

  // --- Sizes: text runs and bounded containers ---
  for (const [key, delta] of lengthDelta) {
    if (delta <= 0) continue;
    const place = key instanceof Y.Item ? freshTypePlaces.get(key) : typePlaces.get(key);
    const name = place?.name ?? '';
    const base = key instanceof Y.Item ? 0 : (key as YType)._length;
    if (name === TEXT && base + delta > schemaLimits.textLength) {
      facts.structure.add(`a paragraph's text may be ${schemaLimits.textLength} characters at most`);
    } else if (hasBoundedChildren(name) && base + delta > schemaLimits.children) {
      facts.structure.add(`a ${name} may hold ${schemaLimits.children} items at most`);
    }
  }

  // --- Brackets: extents over existing text, removals ---
  const coveredAfter = new Set<string>();
  const touchedTexts = new Set<Y.XmlText>();
  const touched = new Map<string, string | null>(); // bracket id → paragraph
  for (const [text, edit] of textEdits) {
    touchedTexts.add(text);
    const place = placeOfType(text);
    const dead = deadTypes.has(text) || (text._item?.deleted ?? false);
    const hasBrackets = ctx.brackets.bracketsIn(text).size > 0 || edit.fresh.some(isBracketFormat);
    if (dead || !hasBrackets) continue;
    const coverage = textCoverage(text, edit);
    for (const id of coverage.changed) touched.set(id, paragraphOf(place));
    for (const id of coverage.after) coveredAfter.add(id);
  }
  for (const [item, edit] of freshTexts) {
    if (!isAlive(item)) continue;
    for (const id of textCoverage(null, edit).after) coveredAfter.add(id);
  }
  // Inline brackets of touched or deleted runs that survive nowhere are removed.
  const candidates = new Map<string, string | null>(touched);
  for (const text of touchedTexts) {
    for (const id of ctx.brackets.bracketsIn(text).keys())
      if (!candidates.has(id)) candidates.set(id, paragraphOf(placeOfType(text)));
  }
  for (const type of deadTypes) {
    if (!(type instanceof Y.XmlText)) continue;
    for (const id of ctx.brackets.bracketsIn(type).keys())
      if (!candidates.has(id)) candidates.set(id, paragraphOf(placeOfType(type)));
  }
  const removed = new Map<string, string | null>();
  for (const [id, paragraph] of candidates) {
    if (coveredAfter.has(id) || freshParagraphBrackets.has(id)) continue;
    let elsewhere = ctx.brackets.paragraphCount(id) > 0 && !removedParagraphBracket(id);
    for (const text of ctx.brackets.textsOf(id).keys()) {
      if (!touchedTexts.has(text) && !deadTypes.has(text)) elsewhere = true;
    }
    if (!elsewhere) removed.set(id, paragraph);
  }
  // Whole-paragraph brackets and alternative groups: the values that go against those that come.
  const goneParagraphBrackets = new Map<string, number>();
  const goneGroups = new Map<string, { n: number; paragraph: string | null; setBy: Set<number> }>();
  for (const { item, element } of removedValues) {
    const value = item.content instanceof Y.ContentAny ? item.content.arr[item.content.arr.length - 1] : undefined;
    const paragraph = paragraphOf(placeOfType(element));
    if (item.parentSub === 'bracket') {
      const b = parseBracket(value);
      if (b) goneParagraphBrackets.set(b.id, (goneParagraphBrackets.get(b.id) ?? 0) + 1);
    } else if (item.parentSub === 'altGroup' && typeof value === 'string') {
      const g = goneGroups.get(value) ?? { n: 0, paragraph, setBy: new Set<number>() };
      g.n++;
      g.setBy.add(item.id.client);
      goneGroups.set(value, g);
    }
  }
  function removedParagraphBracket(id: string): boolean {
    const gone = goneParagraphBrackets.get(id) ?? 0;
    return gone > 0 && ctx.brackets.paragraphCount(id) - gone + (freshParagraphBrackets.get(id) ?? 0) <= 0;
  }
  for (const id of goneParagraphBrackets.keys()) {
    if (!removedParagraphBracket(id)) continue;
    const inline = [...ctx.brackets.textsOf(id).keys()].some((t) => !deadTypes.has(t)) || coveredAfter.has(id);
    if (!inline) removed.set(id, removed.get(id) ?? null);
    touched.set(id, touched.get(id) ?? null);
  }
  for (const [id, paragraph] of removed) if (!touched.has(id)) touched.set(id, paragraph);
  for (const [id, paragraph] of touched) {
    const b = ctx.brackets.get(id)?.bracket;
    if (!b) continue; // a bracket this update creates: checked as new
    facts.touchedBrackets.push({ bracket: b, paragraph });
    if (removed.has(id)) facts.removedBrackets.push({ bracket: b, paragraph });
  }
  for (const [group, g] of goneGroups) {
    if ((freshGroups.get(group) ?? 0) >= g.n) continue;
    facts.resolvedGroups.push({ group, paragraph: g.paragraph, setBy: g.setBy });
  }
  return facts;

  function paragraphOf(place: Place): string | null {
    return place.clause === NEW_CLAUSE ? null : place.clause;
  }
  function isBracketFormat(f: Y.Item): boolean {
    return f.content instanceof Y.ContentFormat && markNameOf(f.content.key) === Mark.bracket;
  }
}

const typeKeys = new WeakMap<object, number>();
let nextTypeKey = 0;
function typeKey(type: YType): number {
  let k = typeKeys.get(type);
  if (k === undefined) typeKeys.set(type, (k = nextTypeKey++));
  return k;
}
