import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * Above this share of its time busy, a process has requests queueing behind its JavaScript: webhook work
 * then yields to them. Deliveries are asynchronous by contract; an API call's latency is not.
 */
export const SATURATED_UTILIZATION = 0.9;

/**
 * The span the share is measured over. Long enough that a burst of a few milliseconds (one batch of
 * deliveries settling) does not count as saturation; short enough that a sustained load is seen within it.
 */
export const LOAD_WINDOW_MS = 500;

type ReadUtilization = (current?: EventLoopUtilization, previous?: EventLoopUtilization) => EventLoopUtilization;

/**
 * How busy this process's event loop has been over the last whole window: background loops ask once per round
 * how much work to take on.
 */
export class EventLoopLoad {
  private windowStart: EventLoopUtilization;
  private windowStartedAt: number;
  private busy = false;

  constructor(
    private readonly read: ReadUtilization = performance.eventLoopUtilization,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowStart = this.read();
    this.windowStartedAt = this.now();
  }

  /** True when the event loop was busy more than SATURATED_UTILIZATION of the last complete window. */
  saturated(): boolean {
    const at = this.now();
    if (at - this.windowStartedAt < LOAD_WINDOW_MS) return this.busy;
    const current = this.read();
    this.busy = this.read(current, this.windowStart).utilization > SATURATED_UTILIZATION;
    this.windowStart = current;
    this.windowStartedAt = at;
    return this.busy;
  }
}
