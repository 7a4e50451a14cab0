import type { Clock } from '../../server/ops/clock.js';

/**
 * A server clock the test moves by hand (server/ops/clock.ts): it starts at the wall clock's
 * time and then stands still, so "one millisecond before the deadline" is exactly that however
 * loaded the machine is. It never goes back (nothing in the server expects time to).
 */
export class TestClock {
  private t: number;

  constructor(start = Date.now()) {
    this.t = start;
  }

  /** Hand this to the server (`startTestServer({ clock: clock.now })`). */
  readonly now: Clock = () => this.t;

  set(at: number): void {
    if (at < this.t) throw new Error(`the test clock does not go back (${at} < ${this.t})`);
    this.t = at;
  }

  advance(ms: number): void {
    this.set(this.t + ms);
  }
}
