import { Injectable } from '@nestjs/common';

/** Below this a COUNT(*) is a few milliseconds, and lists stay exact. */
const EXACT_BELOW = 10_000;
const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  total: number;
  at: number;
  refreshing: boolean;
}

/**
 * `total_count` for very large organizations: counting a million index entries on every page request
 * costs more than the page itself, so above EXACT_BELOW a count at most a few seconds old is served while
 * a fresh one is computed in the background. Small organizations (and every search) are always exact.
 */
@Injectable()
export class ListCountCache {
  private readonly entries = new Map<string, Entry>();

  /** `needsExact` lets a caller insist on a fresh count for a given total (e.g. to read a page from the end). */
  async count(key: string | null, compute: () => Promise<number>, needsExact: (total: number) => boolean): Promise<{ total: number; exact: boolean }> {
    const cached = key === null ? undefined : this.entries.get(key);
    if (cached && cached.total >= EXACT_BELOW && !needsExact(cached.total)) {
      if (Date.now() - cached.at > MAX_AGE_MS && !cached.refreshing) this.refresh(key!, cached, compute);
      return { total: cached.total, exact: false };
    }
    const total = await compute();
    if (key !== null) this.remember(key, total);
    return { total, exact: true };
  }

  private refresh(key: string, entry: Entry, compute: () => Promise<number>): void {
    entry.refreshing = true;
    compute()
      .then((total) => this.remember(key, total))
      .catch(() => {
        entry.refreshing = false;
      });
  }

  private remember(key: string, total: number): void {
    if (this.entries.size >= MAX_ENTRIES && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, { total, at: Date.now(), refreshing: false });
  }
}
