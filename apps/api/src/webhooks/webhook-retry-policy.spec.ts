import { DEFAULT_WEBHOOK_RETRY_SCHEDULE, loadConfig } from '../config/app-config';
import { retryDueAt } from './webhook-retry-policy';

describe('retry schedule', () => {
  const now = new Date('2026-12-01T00:00:00Z');

  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up', () => {
    const exact = () => 0.5;
    const delays = DEFAULT_WEBHOOK_RETRY_SCHEDULE.map((_, i) => (retryDueAt(DEFAULT_WEBHOOK_RETRY_SCHEDULE, i + 1, now, exact)!.getTime() - now.getTime()) / 1000);
    expect(delays).toEqual([5, 300, 1800, 7200, 18_000, 36_000, 36_000]);
    expect(retryDueAt(DEFAULT_WEBHOOK_RETRY_SCHEDULE, 8, now)).toBeNull();
  });

  it('spreads each delay by ±10 %', () => {
    const at = (random: number) => (retryDueAt([100], 1, now, () => random)!.getTime() - now.getTime()) / 1000;
    expect([at(0), at(0.999999)].map(Math.round)).toEqual([90, 110]);
  });

  it('is replaced by WEBHOOK_RETRY_SCHEDULE, and a bad one stops start-up', () => {
    expect(loadConfig({ WEBHOOK_RETRY_SCHEDULE: '1, 60,600' }).webhooks.retrySchedule).toEqual([1, 60, 600]);
    expect(loadConfig({}).webhooks).toEqual({ workersEnabled: true, retrySchedule: DEFAULT_WEBHOOK_RETRY_SCHEDULE, allowPrivateUrls: false });
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE: '5,soon' })).toThrow(/WEBHOOK_RETRY_SCHEDULE/);
    expect(() => loadConfig({ WEBHOOK_WORKERS: 'maybe' })).toThrow(/WEBHOOK_WORKERS/);
    expect(loadConfig({ WEBHOOK_WORKERS: 'off', WEBHOOKS_ALLOW_PRIVATE_URLS: 'true' }).webhooks).toMatchObject({ workersEnabled: false, allowPrivateUrls: true });
  });
});
