import * as Y from 'yjs';

/**
 * The keyed collections inside the server-owned `gov` map (objections, proposals, silences, the
 * speaker queue…): read without creating them, created on the first write. One place, so that
 * every part of the map is read and created alike.
 */
export function govCollection<T>(gov: Y.Map<unknown>, key: string): Y.Map<T> {
  let m = gov.get(key);
  if (!(m instanceof Y.Map)) {
    m = new Y.Map<T>();
    gov.set(key, m);
  }
  return m as Y.Map<T>;
}

/** One record of a collection, or null (also when the collection does not exist yet). */
export function govRecord<T>(gov: Y.Map<unknown>, key: string, id: string): T | null {
  const m = gov.get(key);
  return ((m instanceof Y.Map ? m.get(id) : undefined) as T | undefined) ?? null;
}

/** Every record of a collection (none when it does not exist yet). */
export function govRecordList<T>(gov: Y.Map<unknown>, key: string): T[] {
  const m = gov.get(key);
  return m instanceof Y.Map ? ([...m.values()] as T[]) : [];
}
