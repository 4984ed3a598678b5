import type { PageMeta } from '../api/types';
import { Button } from './Button';

/**
 * Under a list: "12 coupons · page 2 of 3", announced when it changes, with Previous and Next. `onPage` gets the
 * page to show; the buttons are off where the API says there is no such page.
 */
export function Pagination({ meta, noun, onPage }: { meta: PageMeta; noun: [singular: string, plural: string]; onPage: (page: number) => void }) {
  return (
    <div className="pagination">
      <span aria-live="polite">
        {meta.total_count} {meta.total_count === 1 ? noun[0] : noun[1]} · page {meta.current_page} of {Math.max(1, meta.total_pages)}
      </span>
      <div className="pagination-buttons">
        <Button size="sm" disabled={!meta.prev_page} onClick={() => onPage(meta.current_page - 1)}>Previous</Button>
        <Button size="sm" disabled={!meta.next_page} onClick={() => onPage(meta.current_page + 1)}>Next</Button>
      </div>
    </div>
  );
}
