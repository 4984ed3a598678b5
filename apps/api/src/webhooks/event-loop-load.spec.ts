import type { EventLoopUtilization } from 'node:perf_hooks';
import { EventLoopLoad, SATURATED_UTILIZATION } from './event-loop-load';

/** A clock of busy and idle milliseconds that the test advances, read the way performance.eventLoopUtilization is. */
function fakeLoop() {
  const now = { idle: 0, active: 0 };
  const read = (current?: EventLoopUtilization, previous?: EventLoopUtilization): EventLoopUtilization => {
    if (current && previous) {
      const idle = current.idle - previous.idle;
      const active = current.active - previous.active;
      return { idle, active, utilization: active / (idle + active) };
    }
    return { ...now, utilization: now.active / Math.max(1, now.idle + now.active) };
  };
  return { read, run: (active: number, idle: number) => Object.assign(now, { active: now.active + active, idle: now.idle + idle }) };
}

describe('EventLoopLoad', () => {
  it('is saturated only above the threshold, measured since the previous reading', () => {
    const loop = fakeLoop();
    const load = new EventLoopLoad(loop.read);
    loop.run(950, 50);
    expect(load.saturated()).toBe(true);
    loop.run(500, 500);
    expect(load.saturated()).toBe(false);
    // Exactly at the threshold is not saturated: requests are still served as they come.
    loop.run(SATURATED_UTILIZATION * 1000, (1 - SATURATED_UTILIZATION) * 1000);
    expect(load.saturated()).toBe(false);
    loop.run(991, 9);
    expect(load.saturated()).toBe(true);
  });
});
