/**
 * Ownership of a document by one node. The epoch grows by one at every change of hands (and at a
 * re-acquisition after expiry), never goes back (a released lease keeps its row), and every append
 * carries it: a node that lost its lease cannot write, whatever its clock says.
 */
export interface Lease {
  docId: string;
  owner: string;
  epoch: number;
  /** Epoch ms (store clock) after which another node may take the document over. */
  expiresAt: number;
}

export interface LeaseRepo {
  /**
   * Takes the lease if it is free, released or expired (epoch + 1), or returns the caller's own
   * live lease unchanged; null while another node holds it. Atomic: of several nodes acquiring
   * at once, exactly one gets it.
   */
  acquire(docId: string, owner: string, ttlMs: number): Promise<Lease | null>;
  /** Extends the caller's lease; null if it was taken over (the caller must stop writing). */
  renew(lease: Lease, ttlMs: number): Promise<Lease | null>;
  /** Gives the lease up (it expires now, the epoch stays); false if it was no longer the caller's. */
  release(lease: Lease): Promise<boolean>;
  current(docId: string): Promise<Lease | null>;
}
