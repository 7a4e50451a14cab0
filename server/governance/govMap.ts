import * as Y from 'yjs';
import type { DraftMeta, Lock, Objection, ParagraphStatus } from '../../shared/model/governance.js';
import { GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';

/**
 * Typed access to the server-owned `gov` root map. Only the server calls the
 * setters (inside Room.change); clients' updates to this root are refused.
 */
export class GovMap {
  private readonly root: Y.Map<unknown>;

  constructor(doc: Y.Doc) {
    this.root = doc.getMap(GOVERNANCE_ROOT);
  }

  private sub<T>(key: string): Y.Map<T> {
    let m = this.root.get(key);
    if (!(m instanceof Y.Map)) {
      m = new Y.Map<T>();
      this.root.set(key, m);
    }
    return m as Y.Map<T>;
  }

  setMeta(meta: DraftMeta): void {
    const m = this.sub<string>('meta');
    m.set('title', meta.title);
    m.set('symbol', meta.symbol);
  }

  status(paragraphId: string): ParagraphStatus {
    const m = this.root.get('statuses');
    return ((m instanceof Y.Map ? m.get(paragraphId) : undefined) as ParagraphStatus | undefined) ?? 'draft';
  }

  setStatus(paragraphId: string, status: ParagraphStatus): void {
    this.sub<ParagraphStatus>('statuses').set(paragraphId, status);
  }

  lock(paragraphId: string): Lock | null {
    const m = this.root.get('locks');
    return ((m instanceof Y.Map ? m.get(paragraphId) : undefined) as Lock | undefined) ?? null;
  }

  setLock(paragraphId: string, lock: Lock | null): void {
    const m = this.sub<Lock>('locks');
    if (lock) m.set(paragraphId, lock);
    else m.delete(paragraphId);
  }

  lockedIds(): string[] {
    const m = this.root.get('locks');
    return m instanceof Y.Map ? [...m.keys()] : [];
  }

  objection(id: string): Objection | null {
    const m = this.root.get('objections');
    return ((m instanceof Y.Map ? m.get(id) : undefined) as Objection | undefined) ?? null;
  }

  putObjection(o: Objection): void {
    this.sub<Objection>('objections').set(o.id, o);
  }

  objections(): Objection[] {
    const m = this.root.get('objections');
    return m instanceof Y.Map ? ([...m.values()] as Objection[]) : [];
  }
}
