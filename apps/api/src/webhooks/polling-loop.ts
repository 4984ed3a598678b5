import { Logger } from '@nestjs/common';

/**
 * A background loop that runs `step` again at once while it reports more work, else after `idleMs`
 * (sooner when kicked), never more often than every `minGapMs`. A failing step is logged and retried a
 * second later. `stop` waits for the step under way.
 */
export class PollingLoop {
  private running = false;
  private kicked = false;
  private wake: (() => void) | null = null;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly step: () => Promise<boolean>,
    private readonly idleMs: number,
    private readonly minGapMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.done;
  }

  /** New work may be waiting: take it without waiting out the idle delay. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let more = false;
      let failed = false;
      try {
        more = await this.step();
      } catch (error) {
        failed = true;
        this.logger.error(`${this.name} failed: ${(error as Error).message}`);
      }
      await this.pause(failed ? 1000 : more ? this.minGapMs : this.idleMs);
    }
  }

  private async pause(ms: number): Promise<void> {
    if (!this.running) return;
    await this.sleep(Math.min(ms, this.minGapMs), false);
    if (this.running && !this.kicked && ms > this.minGapMs) await this.sleep(ms - this.minGapMs, true);
    this.kicked = false;
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(finish, ms);
      function finish() {
        clearTimeout(timer);
        resolve();
      }
      if (wakeable) this.wake = finish;
    }).then(() => {
      this.wake = null;
    });
  }
}
