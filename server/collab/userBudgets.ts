/**
 * Per-person budgets on open sockets, across all of a person's connections: document
 * messages and bytes per second. Decided synchronously on every frame, in order (a
 * promise-based limiter would let frames overtake each other). Fixed one-second windows:
 * cheap, and a burst at a window edge can reach twice the budget, which is fine for a
 * flood guard. Entries of idle people are dropped as windows roll over.
 */
export class UserBudgets {
  private readonly windows = new Map<string, { start: number; messages: number; bytes: number }>();

  constructor(
    private readonly maxMessagesPerSecond: number,
    private readonly maxBytesPerSecond: number,
  ) {}

  /** Counts one message of `bytes` for `userId`; false once they are over either budget this second. */
  admit(userId: string, bytes: number, now: number): boolean {
    let w = this.windows.get(userId);
    if (!w || now - w.start >= 1000) {
      if (this.windows.size > 10_000) this.prune(now);
      w = { start: now, messages: 0, bytes: 0 };
      this.windows.set(userId, w);
    }
    w.messages += 1;
    w.bytes += bytes;
    return w.messages <= this.maxMessagesPerSecond && w.bytes <= this.maxBytesPerSecond;
  }

  private prune(now: number): void {
    for (const [id, w] of this.windows) if (now - w.start >= 1000) this.windows.delete(id);
  }
}
