import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * Above this share of its time busy, a process has requests queueing behind its JavaScript: webhook work
 * then yields to them. Deliveries are asynchronous by contract; an API call's latency is not.
 */
export const SATURATED_UTILIZATION = 0.9;

/**
 * How busy this process's event loop was since the previous reading: background loops read it once per round
 * to decide how much work to take on.
 */
export class EventLoopLoad {
  private last: EventLoopUtilization;

  constructor(private readonly read: (current?: EventLoopUtilization, previous?: EventLoopUtilization) => EventLoopUtilization = performance.eventLoopUtilization) {
    this.last = this.read();
  }

  /** True when the event loop was busy more than SATURATED_UTILIZATION of the time since the last call. */
  saturated(): boolean {
    const current = this.read();
    const since = this.read(current, this.last);
    this.last = current;
    return since.utilization > SATURATED_UTILIZATION;
  }
}
