import * as Y from 'yjs';
import type { Agreement, DraftMeta, Lock, Objection, ParagraphStatus } from '../../shared/model/governance.js';
import type { Proposal, Stance } from '../../shared/model/proposals.js';
import { GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';
import { govCollection, govRecord, govRecordList } from './govRecords.js';

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
    return govCollection<T>(this.root, key);
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
    return govRecord<Lock>(this.root, 'locks', paragraphId);
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
    return govRecord<Agreement>(this.root, 'agreements', paragraphId);
  }

  setAgreement(paragraphId: string, agreement: Agreement | null): void {
    if (agreement) this.sub<Agreement>('agreements').set(paragraphId, agreement);
    else if (this.agreement(paragraphId)) this.sub<Agreement>('agreements').delete(paragraphId);
  }

  standingObjections(paragraphId: string): number {
    return this.objections().filter((o) => o.paragraphId === paragraphId && o.state === 'standing').length;
  }

  objection(id: string): Objection | null {
    return govRecord<Objection>(this.root, 'objections', id);
  }

  putObjection(o: Objection): void {
    this.sub<Objection>('objections').set(o.id, o);
  }

  objections(): Objection[] {
    return govRecordList<Objection>(this.root, 'objections');
  }

  proposal(id: string): Proposal | null {
    return govRecord<Proposal>(this.root, 'proposals', id);
  }

  /** Stored whole (a plain value): every client sees a proposal change as one replacement. */
  putProposal(p: Proposal): void {
    this.sub<Proposal>('proposals').set(p.id, p);
  }

  proposals(): Proposal[] {
    return govRecordList<Proposal>(this.root, 'proposals');
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
