import * as Y from 'yjs';
import { markNameOf } from '../../shared/model/markKeys.js';
import { Mark, Node } from '../../shared/model/schemaNames.js';
import { malformedAttribute, malformedMark } from './attributeRules.js';

// Yjs types are invariant in their event type; any shared type will do here.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type YType = Y.AbstractType<any>;

/** What an update would do to a document, found without applying it. */
export interface UpdateFacts {
  /** Something would change: a struct the document lacks, or a deletion of a live item. */
  changes: boolean;
  /** Root types the update writes into or deletes from. */
  roots: Set<string>;
  /** Ids of existing paragraphs whose content, attributes or existence the update changes. */
  paragraphs: Set<string>;
  /** Ids given to paragraphs the update creates. */
  newParagraphIds: Set<string>;
  /** The update deletes an element containing a protected paragraph (e.g. its section). */
  deletesProtectedContainer: boolean;
  /** The update refers to structs the document does not have: cannot be checked, so refused. */
  unknownReference: boolean;
  /** Node or mark names outside the editor schema (a modified client's `<script>`, say), or attributes of the wrong shape. */
  foreignNames: Set<string>;
}

interface Location {
  root: string;
  /** Enclosing paragraph: its id, or null when outside any paragraph. */
  clause: string | null;
}

const NEW_CLAUSE = '\u0000new';

/**
 * Decodes `update` and locates each struct it inserts and each item it deletes
 * by walking up from its parent to the enclosing paragraph and root.
 *
 * Cost is O(size of the update × depth of the tree): parents are found by
 * binary search in the struct store and locations are memoised per type, so
 * nothing here scans the document. `protectedContainers` are the types that
 * contain a protected (locked) paragraph, precomputed when the lock was set.
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array, protectedContainers: ReadonlySet<YType>): UpdateFacts {
  const { structs, ds } = Y.decodeUpdate(update);
  const store = doc.store;
  const facts: UpdateFacts = {
    changes: false,
    roots: new Set(),
    paragraphs: new Set(),
    newParagraphIds: new Set(),
    deletesProtectedContainer: false,
    unknownReference: false,
    foreignNames: new Set(),
  };

  // New items by client, in clock order (decodeUpdate yields them so), for binary search.
  const fresh = new Map<number, Y.Item[]>();
  const nextClock = new Map<number, number>();
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    const client = s.id.client;
    const expected = nextClock.get(client) ?? Y.getState(store, client);
    if (s.id.clock + s.length <= expected) continue; // already known: a no-op resend
    if (s.id.clock > expected) {
      facts.unknownReference = true; // a gap: Yjs would hold it pending, we cannot check it
      return facts;
    }
    nextClock.set(client, s.id.clock + s.length);
    if (!(s instanceof Y.Item)) continue; // GC: deleted content of unknown place, no effect
    let list = fresh.get(client);
    if (!list) fresh.set(client, (list = []));
    list.push(s);
  }

  const typeMemo = new Map<YType, Location>();
  const itemMemo = new Map<Y.Item, Location | null>();

  const locateType = (type: YType): Location => {
    const memo = typeMemo.get(type);
    if (memo) return memo;
    const item = type._item;
    let loc: Location;
    if (item === null) {
      loc = { root: Y.findRootTypeKey(type), clause: null };
    } else {
      const outer = locateType(item.parent as YType);
      loc = outer.clause === null && isClause(type) ? { root: outer.root, clause: clauseId(type) } : outer;
    }
    typeMemo.set(type, loc);
    return loc;
  };

  const findFresh = (id: Y.ID): Y.Item | null => {
    const list = fresh.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid] as Y.Item;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };

  const findExisting = (id: Y.ID): Y.Item | null => {
    if (id.clock >= Y.getState(store, id.client)) return null;
    const s = Y.getItem(store, id);
    return s instanceof Y.Item ? s : null;
  };

  /** Where the content of a new item goes (the container it is inserted into). */
  const locateFresh = (item: Y.Item): Location | null => {
    if (itemMemo.has(item)) return itemMemo.get(item) ?? null;
    itemMemo.set(item, null); // cycle guard for crafted updates
    let loc: Location | null = null;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      loc = { root: parent, clause: null }; // a decoded update names a root type by its key
    } else if (parent instanceof Y.AbstractType) {
      loc = { root: Y.findRootTypeKey(parent), clause: null };
    } else if (parent instanceof Y.ID) {
      loc = locateInside(parent);
    } else {
      const ref = item.origin ?? item.rightOrigin;
      if (ref) {
        const sibling = findFresh(ref);
        if (sibling) loc = locateFresh(sibling);
        else {
          const existing = findExisting(ref);
          if (existing) loc = locateType(existing.parent as YType);
        }
      }
    }
    itemMemo.set(item, loc);
    return loc;
  };

  /** Location inside the type held by the item with this id (new or existing). */
  const locateInside = (id: Y.ID): Location | null => {
    const f = findFresh(id);
    if (f) {
      const outer = locateFresh(f);
      if (!outer || !(f.content instanceof Y.ContentType)) return null;
      const type = f.content.type;
      return outer.clause === null && isClause(type) ? { root: outer.root, clause: NEW_CLAUSE } : outer;
    }
    const existing = findExisting(id);
    if (!existing || !(existing.content instanceof Y.ContentType)) return null;
    return locateType(existing.content.type);
  };

  const note = (loc: Location): void => {
    facts.changes = true;
    facts.roots.add(loc.root);
    if (loc.clause !== null && loc.clause !== NEW_CLAUSE) facts.paragraphs.add(loc.clause);
  };

  /**
   * The attribute key an item sets. An encoded item names its key only when it has no
   * left or right neighbour; overwriting an existing attribute leaves it to be inferred
   * from the item it replaces, so follow the origin as Yjs does when integrating.
   */
  const subMemo = new Map<Y.Item, string | null>();
  const subOf = (item: Y.Item): string | null => {
    if (item.parentSub !== null) return item.parentSub;
    if (item.parent !== null) return null;
    if (subMemo.has(item)) return subMemo.get(item) ?? null;
    subMemo.set(item, null); // cycle guard for crafted updates
    const ref = item.origin ?? item.rightOrigin;
    const sibling = ref ? (findFresh(ref) ?? findExisting(ref)) : null;
    const sub = sibling && sibling !== item ? subOf(sibling) : null;
    subMemo.set(item, sub);
    return sub;
  };

  for (const list of fresh.values()) {
    for (const item of list) {
      const loc = locateFresh(item);
      if (!loc) {
        facts.unknownReference = true;
        return facts;
      }
      note(loc);
      const sub = subOf(item);
      const name = foreignName(item) ?? malformedValue(item, sub);
      if (name !== null) facts.foreignNames.add(name);
      // A new paragraph's id, or an existing paragraph renamed: either may not take a locked id.
      if (sub === 'id' && loc.clause !== null && item.content instanceof Y.ContentAny) {
        facts.newParagraphIds.add(String(item.content.arr[0]));
      }
    }
  }

  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(store, client);
    const freshEnd = nextClock.get(client) ?? 0;
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (end > Math.max(known, freshEnd)) {
        facts.unknownReference = true;
        return facts;
      }
      if (clock >= known) continue; // deletes items this update creates: located above
      const structsOfClient = store.clients.get(client) ?? [];
      for (let i = Y.findIndexSS(structsOfClient, clock); i < structsOfClient.length; i++) {
        const s = structsOfClient[i] as Y.Item | Y.GC;
        if (s.id.clock >= end) break;
        if (!(s instanceof Y.Item) || s.deleted) continue;
        if (s.content instanceof Y.ContentType) {
          const type = s.content.type as YType;
          if (protectedContainers.has(type)) facts.deletesProtectedContainer = true;
          note(locateType(type));
        } else {
          note(locateType(s.parent as YType));
        }
      }
    }
  }
  return facts;
}

function isClause(type: YType): type is Y.XmlElement {
  return type instanceof Y.XmlElement && type.nodeName === Node.clause;
}

function clauseId(type: Y.XmlElement): string {
  const id = type.getAttribute('id') as unknown;
  return typeof id === 'string' ? id : '';
}

const schemaNodes = new Set<string>([...Object.values(Node), 'hardBreak']);
const schemaMarks = new Set<string>(Object.values(Mark));

/** The name of a node or mark the editor schema does not have, if the item creates one. */
function foreignName(item: Y.Item): string | null {
  const content = item.content;
  if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) {
    return schemaNodes.has(content.type.nodeName) ? null : content.type.nodeName;
  }
  if (content instanceof Y.ContentFormat) return schemaMarks.has(markNameOf(content.key)) ? null : content.key;
  return null;
}

/** An attribute or bracket mark whose value does not have the shape the editor expects. */
function malformedValue(item: Y.Item, sub: string | null): string | null {
  const content = item.content;
  if (sub !== null && content instanceof Y.ContentAny) return malformedAttribute(sub, content.arr[0]);
  if (content instanceof Y.ContentFormat) return malformedMark(content.key, content.value);
  return null;
}
