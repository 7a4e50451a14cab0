import * as Y from 'yjs';
import { parseBracket } from '../../shared/model/bracketRules.js';
import { markNameOf } from '../../shared/model/markKeys.js';
import { Mark } from '../../shared/model/schemaNames.js';

/** What an update does to one text run, as the inspection found it. */
export interface TextEdit {
  /** Existing items of the run the update deletes: offset ranges within each item. */
  deleted: Map<Y.Item, Array<[number, number]>>;
  /** Fresh items the update places in the run (sequence items, not attributes), in integration order. */
  fresh: Y.Item[];
  /** Whether a fresh item will not survive the update (deleted by it, or in a deleted container). */
  isDead(item: Y.Item): boolean;
}

export interface Coverage {
  /** Brackets whose extent over surviving existing characters changes (some gain or lose them). */
  changed: Set<string>;
  /** Brackets covering at least one character of the run after the update. */
  after: Set<string>;
}

type Task = { item: Y.Item; from: number } | { anchor: string };

/**
 * Replays a text run's bracket formatting before and after an update and reports which
 * brackets cover which surviving characters. This is how a bracket's removal is
 * recognised however it is expressed: unbracketing it (a null format), deleting its
 * marks, or deleting all the text it held (after which Yjs's formatting clean-up drops the
 * marks by itself). O(items of the run + the update's items in it).
 *
 * Fresh items are spliced in right after their left origin, the latest first: exactly
 * where one client's sequential edits put them. (Concurrent inserts from other clients
 * between the same neighbours may end up ordered otherwise by Yjs; they only shift where a
 * fresh format starts among characters the sender never saw.)
 *
 * A run created by the update has no existing items (`text` null): only what it will hold
 * after the update is reported.
 */
export function textCoverage(text: Y.XmlText | null, edit: TextEdit): Coverage {
  const result: Coverage = { changed: new Set(), after: new Set() };
  const anchors = new Map<string, Y.Item[]>();
  const anchorClocks = new Map<number, number[]>();
  for (const f of edit.fresh) {
    const key = f.origin ? idKey(f.origin.client, f.origin.clock) : '';
    const list = anchors.get(key);
    if (list) list.push(f);
    else {
      anchors.set(key, [f]);
      if (f.origin) {
        const clocks = anchorClocks.get(f.origin.client) ?? [];
        clocks.push(f.origin.clock);
        anchorClocks.set(f.origin.client, clocks);
      }
    }
  }
  for (const clocks of anchorClocks.values()) clocks.sort((a, b) => a - b);

  const before = new Map<string, string | null>();
  const after = new Map<string, string | null>();
  let afterIds = new Set<string>();
  let afterDirty = false;
  const apply = (attrs: Map<string, string | null>, content: Y.ContentFormat): boolean => {
    if (markNameOf(content.key) !== Mark.bracket) return false;
    attrs.set(content.key, content.value === null ? null : (parseBracket(content.value)?.id ?? null));
    return true;
  };
  const active = (attrs: Map<string, string | null>) => {
    const ids = new Set<string>();
    for (const id of attrs.values()) if (id !== null) ids.add(id);
    return ids;
  };
  const currentAfter = () => {
    if (afterDirty) {
      afterIds = active(after);
      afterDirty = false;
    }
    return afterIds;
  };
  const existingChars = () => {
    const b = active(before);
    const a = currentAfter();
    for (const id of b) if (!a.has(id)) result.changed.add(id);
    for (const id of a) {
      if (!b.has(id)) result.changed.add(id);
      result.after.add(id);
    }
  };
  const freshChars = () => {
    for (const id of currentAfter()) result.after.add(id);
  };

  /** Emits the fresh items anchored at `key`, each followed by what is anchored inside it. */
  const run = (first: Task) => {
    const stack: Task[] = [first];
    while (stack.length > 0) {
      const task = stack.pop() as Task;
      if ('anchor' in task) {
        for (const f of anchors.get(task.anchor) ?? []) stack.push({ item: f, from: 0 });
        continue;
      }
      const f = task.item;
      const alive = !edit.isDead(f);
      if (task.from === 0 && f.content instanceof Y.ContentFormat && alive && apply(after, f.content)) {
        afterDirty = true;
      }
      let offset = task.from;
      for (; offset < f.length; offset++) if (anchors.has(idKey(f.id.client, f.id.clock + offset))) break;
      if (alive && f.countable && offset >= task.from && Math.min(offset + 1, f.length) > task.from) freshChars();
      if (offset < f.length) {
        if (offset + 1 < f.length) stack.push({ item: f, from: offset + 1 });
        stack.push({ anchor: idKey(f.id.client, f.id.clock + offset) });
      }
    }
  };
  const anchorsIn = (item: Y.Item): number[] => {
    const clocks = anchorClocks.get(item.id.client);
    if (!clocks) return [];
    let lo = 0;
    let hi = clocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((clocks[mid] as number) < item.id.clock) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < clocks.length && (clocks[i] as number) < item.id.clock + item.length; i++) {
      out.push((clocks[i] as number) - item.id.clock);
    }
    return out;
  };

  run({ anchor: '' });
  for (let item = text?._start ?? null; item !== null; item = item.right) {
    const ranges = edit.deleted.get(item);
    const live = !item.deleted;
    if (live && item.content instanceof Y.ContentFormat) {
      apply(before, item.content);
      if (!ranges && apply(after, item.content)) afterDirty = true;
    }
    let from = 0;
    for (const offset of anchorsIn(item)) {
      if (live && item.countable && survives(ranges, from, offset + 1)) existingChars();
      run({ anchor: idKey(item.id.client, item.id.clock + offset) });
      from = offset + 1;
    }
    if (live && item.countable && item.length > from && survives(ranges, from, item.length)) existingChars();
  }
  return result;
}

function survives(ranges: Array<[number, number]> | undefined, from: number, to: number): boolean {
  if (to <= from) return false;
  if (!ranges) return true;
  let covered = 0;
  for (const [a, b] of ranges) covered += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return covered < to - from;
}

function idKey(client: number, clock: number): string {
  return `${client}:${clock}`;
}
