import type { AppendOutcome, DocAppend, DocStore } from '../store/docStore.js';

/** A room as the group commit sees it (see Room.beginFlush / endFlush). */
export interface CommitMember {
  /** What the room has to store this turn (null: nothing to store, only output to send). */
  beginFlush(): DocAppend | null;
  /** The batch is durable (or there was none): broadcast it. */
  endFlush(lastSeq: number | null): void;
  /** Storing the batch failed: nothing of it may be seen. */
  failFlush(err: unknown): void;
}

/**
 * Group commit: every room that has something to store or send in an event-loop turn is
 * flushed together at the end of that turn (setImmediate), its updates and audit entries in
 * one store transaction — one disk sync for all of them instead of one per room — and only
 * then does each room broadcast its batch (durable before visible). With `synchronous=FULL`
 * and a thousand active rooms this is one fsync per turn instead of a thousand.
 */
export class GroupCommit {
  private readonly members = new Set<CommitMember>();
  private scheduled = false;

  constructor(private readonly store: DocStore) {}

  /** Asks for `member` to be flushed at the end of this turn (once, however often it asks). */
  request(member: CommitMember): void {
    this.members.add(member);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.run());
  }

  private async run(): Promise<void> {
    this.scheduled = false;
    const members = [...this.members];
    this.members.clear();
    const storing: Array<{ member: CommitMember; append: DocAppend }> = [];
    const sendOnly: CommitMember[] = [];
    for (const member of members) {
      const append = member.beginFlush();
      if (append) storing.push({ member, append });
      else sendOnly.push(member);
    }
    for (const member of sendOnly) member.endFlush(null);
    if (storing.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      outcomes = await this.store.appendGroup(storing.map((s) => s.append));
    } catch (err) {
      for (const { member } of storing) member.failFlush(err);
      return;
    }
    storing.forEach(({ member }, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) member.endFlush(outcome.lastSeq);
      else member.failFlush(outcome ? outcome.error : new Error('the store reported no outcome'));
    });
  }
}
