import { useState, type FormEvent, type ReactNode } from 'react';
import type { PromotionCode, PromotionCodeBatch, PromotionCodeListResponse } from '../api/types';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import type { PromotionCodeListFilters } from '../routes';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/fields';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { batchTemplate } from './format';
import { PromotionCodesTable } from './PromotionCodesTable';
import { Pagination } from '../ui/Pagination';

const PER_PAGE = 20;

export const NO_FILTERS: PromotionCodeListFilters = { active: '', code: '', batch: '', page: 1 };

const STATE_OPTIONS = [
  { value: '', label: 'All codes' },
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Inactive' },
];

/**
 * Promotion codes, newest first, a page at a time, with the actions on them: one coupon's, or every
 * coupon's (with a coupon column) when `couponCode` is undefined. `code` finds the exact code a customer reports.
 */
export function PromotionCodesCard({ title, couponCode, version, batches, filters, setFilters, actions, onToggle }: {
  title: string;
  couponCode?: string;
  version: number;
  batches: ReadonlyMap<string, PromotionCodeBatch>;
  filters: PromotionCodeListFilters;
  setFilters: (filters: PromotionCodeListFilters) => void;
  actions?: ReactNode;
  onToggle: (code: PromotionCode) => void;
}) {
  const api = useApi();
  const [term, setTerm] = useState(filters.code);
  // The search box follows the filter when something else changes it (a batch's "Show codes", "Clear filters").
  const [searched, setSearched] = useState(filters.code);
  if (searched !== filters.code) {
    setSearched(filters.code);
    setTerm(filters.code);
  }
  const update = (patch: Partial<PromotionCodeListFilters>) => setFilters({ ...filters, page: 1, ...patch });
  const list = useResource(
    () =>
      api.get<PromotionCodeListResponse>('/promotion_codes', {
        coupon_code: couponCode,
        active: filters.active,
        code: filters.code,
        lago_batch_id: filters.batch,
        page: filters.page,
        per_page: PER_PAGE,
      }),
    `${couponCode}#${version}#${JSON.stringify(filters)}`,
  );
  const filtered = filters.active !== '' || filters.code !== '' || filters.batch !== '';
  const find = (event: FormEvent) => {
    event.preventDefault();
    update({ code: term.trim() });
  };
  const filteredBatch = filters.batch ? batches.get(filters.batch) : undefined;

  let body;
  if (list.loading && !list.data) body = <LoadingState label="Loading promotion codes…" />;
  else if (list.error) body = <ErrorState message="Promotion codes could not be loaded." onRetry={list.reload} />;
  else if (!list.data?.promotion_codes.length) {
    body = filtered ? (
      <EmptyState title="No code matches">Try another code or state.</EmptyState>
    ) : (
      <EmptyState title="No promotion codes yet">Create a code customers can type, or generate unique codes in bulk.</EmptyState>
    );
  } else {
    const { meta } = list.data;
    body = (
      <>
        <PromotionCodesTable
          codes={list.data.promotion_codes}
          batches={batches}
          showCoupon={couponCode === undefined}
          onShowBatch={(batch) => update({ batch })}
          onToggle={onToggle}
        />
        <Pagination meta={meta} noun={['code', 'codes']} onPage={(page) => setFilters({ ...filters, page })} />
      </>
    );
  }

  return (
    <section className="card" id="promotion-codes" aria-labelledby="promotion-codes-title">
      <div className="card-header">
        <h2 id="promotion-codes-title">{title}</h2>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      <form className="toolbar promotion-toolbar" role="search" aria-label="Promotion codes" onSubmit={find}>
        <TextField label="Find a code" type="search" className="input mono" placeholder="Exact code, any case" value={term} onChange={setTerm} />
        <Button type="submit">Find</Button>
        <div className="field-status">
          <SelectField label="State" value={filters.active} onChange={(active) => update({ active })} options={STATE_OPTIONS} />
        </div>
        {filters.batch && (
          <span className="chip promotion-filter">
            Batch {filteredBatch ? batchTemplate(filteredBatch) : filters.batch.slice(0, 8)}
            <Button variant="ghost" size="sm" aria-label="Show codes of every batch" onClick={() => update({ batch: '' })}>
              ×
            </Button>
          </span>
        )}
        {filtered && (
          <Button variant="ghost" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </Button>
        )}
      </form>
      {body}
    </section>
  );
}
