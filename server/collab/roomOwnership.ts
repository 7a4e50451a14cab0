import type { Lease, LeaseRepo } from '../store/repos/leaseRepo.js';

/** Several nodes: how a node takes and keeps the documents it serves (server/store/CONTEXT.md, leases). */
export interface RoomOwnership {
  /** This node, unique per process start. */
  nodeId: string;
  leases: LeaseRepo;
  /** How long a lease lasts without renewal: a paused or dead owner is replaced after this. */
  ttlMs: number;
  /** How often owned leases are renewed (a few times per TTL). */
  renewMs: number;
}

/** Another node owns the document (holds its live lease): this one may not load it. */
export class RoomOwnedElsewhere extends Error {
  constructor(
    readonly docId: string,
    readonly owner: string,
  ) {
    super(`document ${docId} is served by another node (${owner})`);
  }
}

export type { Lease };
