import * as Y from 'yjs';
import type { Agreement, DraftMeta, Lock, Objection, ParagraphStatus } from '../../shared/model/governance.js';
import type { Proposal, Stance } from '../../shared/model/proposals.js';
import { GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';

/**
 * Typed access to the server-owned `gov` root map. Only the server calls the
 * setters (inside a room step); clients' updates to this root are refused.
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

  statusEntries(): Array<[string, ParagraphStatus]> {
    const m = this.root.get('statuses');
    return m instanceof Y.Map ? ([...m.entries()] as Array<[string, ParagraphStatus]>) : [];
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

  /** The text an agreed paragraph was agreed on, if recorded. */
  agreement(paragraphId: string): Agreement | null {
    const m = this.root.get('agreements');
    return ((m instanceof Y.Map ? m.get(paragraphId) : undefined) as Agreement | undefined) ?? null;
  }

  setAgreement(paragraphId: string, agreement: Agreement | null): void {
    if (agreement) this.sub<Agreement>('agreements').set(paragraphId, agreement);
    else if (this.agreement(paragraphId)) this.sub<Agreement>('agreements').delete(paragraphId);
  }

  standingObjections(paragraphId: string): number {
    return this.objections().filter((o) => o.paragraphId === paragraphId && o.state === 'standing').length;
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

  proposal(id: string): Proposal | null {
    const m = this.root.get('proposals');
    return ((m instanceof Y.Map ? m.get(id) : undefined) as Proposal | undefined) ?? null;
  }

  /** Stored whole (a plain value): every client sees a proposal change as one replacement. */
  putProposal(p: Proposal): void {
    this.sub<Proposal>('proposals').set(p.id, p);
  }

  proposals(): Proposal[] {
    const m = this.root.get('proposals');
    return m instanceof Y.Map ? ([...m.values()] as Proposal[]) : [];
  }

  /** Proposals-only scopes: WHOLE_DRAFT ('*') and/or section ids, with who set them. */
  proposalsOnly(): Map<string, Stance> {
    const m = this.root.get('proposalsOnly');
    return m instanceof Y.Map ? new Map([...m.entries()] as Array<[string, Stance]>) : new Map();
  }

  setProposalsOnly(scope: string, set: Stance | null): void {
    const m = this.sub<Stance>('proposalsOnly');
    if (set) m.set(scope, set);
    else if (m.has(scope)) m.delete(scope);
  }
}
