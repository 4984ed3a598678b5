import type { EventLoopUtilization } from 'node:perf_hooks';
import { EventLoopLoad, LOAD_WINDOW_MS, SATURATED_UTILIZATION } from './event-loop-load';

/** A clock of busy and idle milliseconds that the test advances, read the way performance.eventLoopUtilization is. */
function fakeLoop() {
  const total = { idle: 0, active: 0 };
  const read = (current?: EventLoopUtilization, previous?: EventLoopUtilization): EventLoopUtilization => {
    if (current && previous) {
      const idle = current.idle - previous.idle;
      const active = current.active - previous.active;
      return { idle, active, utilization: active / (idle + active) };
    }
    return { ...total, utilization: total.active / Math.max(1, total.idle + total.active) };
  };
  /** `active` of the next `ms` milliseconds spent running JavaScript. */
  const run = (ms: number, share: number) => Object.assign(total, { active: total.active + ms * share, idle: total.idle + ms * (1 - share) });
  return { read, run, now: () => total.active + total.idle };
}

describe('EventLoopLoad', () => {
  it('judges a whole window, above the threshold only, and keeps its answer until the next window ends', () => {
    const loop = fakeLoop();
    const load = new EventLoopLoad(loop.read, loop.now);
    loop.run(LOAD_WINDOW_MS, 0.95);
    expect(load.saturated()).toBe(true);
    // A short quiet spell inside the next window changes nothing yet.
    loop.run(LOAD_WINDOW_MS / 5, 0);
    expect(load.saturated()).toBe(true);
    loop.run(LOAD_WINDOW_MS, 0.5);
    expect(load.saturated()).toBe(false);
    // Exactly at the threshold is not saturated: requests are still served as they come.
    loop.run(LOAD_WINDOW_MS, SATURATED_UTILIZATION);
    expect(load.saturated()).toBe(false);
    loop.run(LOAD_WINDOW_MS, 0.99);
    expect(load.saturated()).toBe(true);
  });

  it('does not take a burst of a few milliseconds for saturation', () => {
    const loop = fakeLoop();
    const load = new EventLoopLoad(loop.read, loop.now);
    loop.run(LOAD_WINDOW_MS - 30, 0.4);
    loop.run(30, 1);
    expect(load.saturated()).toBe(false);
  });
});
