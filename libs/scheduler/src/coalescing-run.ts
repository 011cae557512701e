/**
 * One pass of a loop at a time, however often it is asked for: a kick during a pass asks for one
 * more pass after it (not one per kick), so a burst of commits costs a pass or two, and a commit
 * that lands mid-pass is never left waiting for the next poll.
 */
export class CoalescingRun {
  private running?: Promise<unknown>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly onError: (error: Error) => void,
  ) {}

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((error) => this.onError(error as Error))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** No new pass starts; resolves when the one in progress ends. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
