/**
 * Why a log append was refused: another writer advanced the log past the writer's expected
 * sequence number, or the document's lease epoch moved (another node owns it now). Either way the
 * writer's view is stale: it must stop, drop its in-memory state and reload (or hand over).
 */
export type StaleWriteReason = 'seq_advanced' | 'epoch_moved';

export class StaleWriteError extends Error {
  constructor(
    readonly reason: StaleWriteReason,
    readonly docId: string,
    message: string,
  ) {
    super(message);
    this.name = 'StaleWriteError';
  }
}
