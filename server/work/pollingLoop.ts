/**
 * A poll repeated every `pollMs` (a timer that does not keep the process alive), one run at a
 * time: `runDue` joins a run in progress instead of starting a second; `stop` waits for the run in
 * flight. The work itself lives in a table (deadlines, digests), so a restart loses nothing.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private halted = false;

  constructor(
    private readonly poll: () => Promise<number>,
    private readonly pollMs: number,
  ) {}

  /** Once stopped, a poll in progress should end early (between items). */
  get stopped(): boolean {
    return this.halted;
  }

  /** Polls every `pollMs` from now on. */
  start(): void {
    this.schedule();
  }

  /** Runs one poll now (or joins the one in progress); resolves with what it reported. */
  runDue(): Promise<number> {
    this.running ??= this.poll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.halted = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  private schedule(): void {
    if (this.halted) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runDue().finally(() => this.schedule());
    }, this.pollMs);
    this.timer.unref();
  }
}
