import * as Y from 'yjs';
import { bracketSignature, parseBracket } from '../../shared/model/bracketRules.js';
import type { Bracket } from '../../shared/model/draft.js';
import { markNameOf } from '../../shared/model/markKeys.js';
import { EDITOR_ROOT, Mark, Node } from '../../shared/model/schemaNames.js';
import type { YType } from './updateInspection.js';

/**
 * Every bracket of one document and where it lives, kept exact by watching every
 * transaction (a client's update, Yjs's own formatting clean-up, the server's writes), so
 * that the guard can check an update against it without scanning the document:
 *
 * - brackets by id, with the attributes first seen (an existing bracket is never changed);
 * - inline bracket marks (format items with a bracket value) per text run;
 * - whole-paragraph brackets (a clause's `bracket` attribute) and paragraph-alternative
 *   groups (a clause's `altGroup`) with the number of live paragraphs carrying each.
 *
 * Built by one scan when the room loads; afterwards O(transaction) per transaction.
 */
export class BracketIndex {
  private readonly known = new Map<string, { bracket: Bracket; signature: string }>();
  private readonly keyOwner = new Map<string, string>();
  private readonly inlineByText = new Map<Y.XmlText, Map<string, number>>();
  private readonly textsByBracket = new Map<string, Map<Y.XmlText, number>>();
  private readonly paragraphCounts = new Map<string, number>();
  private readonly groupCounts = new Map<string, number>();
  private watching: Set<string> | null = null;
  private readonly onTransaction = (tr: Y.Transaction) => this.observe(tr);

  constructor(private readonly doc: Y.Doc) {
    this.scan();
    doc.on('afterTransaction', this.onTransaction);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  /** The bracket with this id as first seen in the document, if any. */
  get(id: string): { bracket: Bracket; signature: string } | undefined {
    return this.known.get(id);
  }

  /** The id of the bracket a format key (`bracket--<hash>`) has carried, if any. */
  ownerOfKey(key: string): string | undefined {
    return this.keyOwner.get(key);
  }

  /** Live inline marks per bracket id in a text run. */
  bracketsIn(text: Y.XmlText): ReadonlyMap<string, number> {
    return this.inlineByText.get(text) ?? empty;
  }

  /** Text runs holding live marks of a bracket. */
  textsOf(id: string): ReadonlyMap<Y.XmlText, number> {
    return this.textsByBracket.get(id) ?? empty;
  }

  paragraphCount(id: string): number {
    return this.paragraphCounts.get(id) ?? 0;
  }

  groupCount(group: string): number {
    return this.groupCounts.get(group) ?? 0;
  }

  /** Whether the bracket is still anywhere in the live document. */
  isLive(id: string): boolean {
    return this.paragraphCount(id) > 0 || (this.textsByBracket.get(id)?.size ?? 0) > 0;
  }

  /** Runs `fn` and returns the ids of brackets it made disappear from the live document. */
  watchRemovals(fn: () => void): string[] {
    const previous = this.watching;
    const seen = new Set<string>();
    this.watching = seen;
    try {
      fn();
    } finally {
      this.watching = previous;
    }
    return [...seen].filter((id) => !this.isLive(id));
  }

  private scan(): void {
    const root = this.doc.share.get(EDITOR_ROOT);
    if (!(root instanceof Y.AbstractType)) return;
    const stack: YType[] = [root];
    while (stack.length > 0) {
      const type = stack.pop() as YType;
      for (const item of type._map.values()) if (!item.deleted) this.count(item, 1);
      for (let item = type._start; item !== null; item = item.right) {
        if (item.deleted) continue;
        if (item.content instanceof Y.ContentType) stack.push(item.content.type as YType);
        else this.count(item, 1);
      }
    }
  }

  private observe(tr: Y.Transaction): void {
    const store = this.doc.store;
    for (const [client, after] of tr.afterState) {
      const before = tr.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      const structs = store.clients.get(client) ?? [];
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        const s = structs[i] as Y.Item | Y.GC;
        if (s.id.clock >= after) break;
        if (s instanceof Y.Item && !s.deleted) this.count(s, 1);
      }
    }
    for (const [client, ranges] of tr.deleteSet.clients) {
      const before = tr.beforeState.get(client) ?? 0;
      const structs = store.clients.get(client) ?? [];
      for (const { clock, len } of ranges) {
        const end = Math.min(clock + len, before);
        if (clock >= end) continue;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const s = structs[i] as Y.Item | Y.GC;
          if (s.id.clock >= end) break;
          if (s instanceof Y.Item) this.count(s, -1);
        }
      }
    }
  }

  private count(item: Y.Item, delta: number): void {
    const content = item.content;
    const parent = item.parent;
    if (content instanceof Y.ContentFormat) {
      if (!(parent instanceof Y.XmlText) || markNameOf(content.key) !== Mark.bracket) return;
      const b = parseBracket(content.value);
      if (!b) return;
      this.register(b);
      if (delta > 0 && !this.keyOwner.has(content.key)) this.keyOwner.set(content.key, b.id);
      bump(mapOf(this.inlineByText, parent), b.id, delta);
      bump(mapOf(this.textsByBracket, b.id), parent, delta);
      if (delta < 0) this.watching?.add(b.id);
      return;
    }
    if (item.parentSub === null || !(parent instanceof Y.XmlElement) || parent.nodeName !== Node.clause) return;
    if (!(content instanceof Y.ContentAny)) return;
    const value = content.arr[content.arr.length - 1];
    if (item.parentSub === 'bracket') {
      const b = parseBracket(value);
      if (!b) return;
      this.register(b);
      bump(this.paragraphCounts, b.id, delta);
      if (delta < 0) this.watching?.add(b.id);
    } else if (item.parentSub === 'altGroup' && typeof value === 'string') {
      bump(this.groupCounts, value, delta);
    }
  }

  private register(b: Bracket): void {
    if (!this.known.has(b.id)) this.known.set(b.id, { bracket: b, signature: bracketSignature(b) });
  }
}

const empty: ReadonlyMap<never, number> = new Map<never, number>();

function mapOf<K, K2>(outer: Map<K, Map<K2, number>>, key: K): Map<K2, number> {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map()));
  return inner;
}

function bump<K>(map: Map<K, number>, key: K, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}
