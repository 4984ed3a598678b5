import { useMemo, useState } from 'react';
import type { Coupon, PromotionCode, PromotionCodeBatch } from '../api/types';
import { useCan } from '../auth/session';
import type { PromotionCodeListFilters } from '../routes';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { formatCount } from './format';
import { GenerateCodesDialog } from './GenerateCodesDialog';
import { NewPromotionCodeDialog } from './NewPromotionCodeDialog';
import { PromotionCodeBatchesCard } from './PromotionCodeBatchesCard';
import { NO_FILTERS, PromotionCodesCard } from './PromotionCodesCard';
import { ToggleCodeDialog } from './ToggleCodeDialog';
import { useCouponBatches } from './use-coupon-batches';
import './promotion-codes.css';

type OpenDialog = { kind: 'create' } | { kind: 'generate' } | { kind: 'toggle'; code: PromotionCode } | null;

/** The coupon page's promotion codes and code batches, with their dialogs. */
export function PromotionCodesSection({ coupon, version }: { coupon: Coupon; version: number }) {
  const canOperate = useCan('operate');
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const [filters, setFilters] = useState<PromotionCodeListFilters>(NO_FILTERS);
  const batches = useCouponBatches(coupon, version + changes);
  const byId = useMemo(
    () => new Map<string, PromotionCodeBatch>((batches.data ?? []).map((batch) => [batch.lago_id, batch])),
    [batches.data],
  );
  // The codes list reloads when a batch settles, so that its codes appear once generated.
  const settled = (batches.data ?? []).filter((batch) => batch.status === 'completed' || batch.status === 'failed').length;
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    setChanges((n) => n + 1);
  };
  const live = coupon.status === 'active';
  const closedHint = live ? undefined : 'A terminated coupon cannot get new codes';

  return (
    <>
      {notice && <Alert tone="success">{notice}</Alert>}
      <PromotionCodesCard
        title="Promotion codes"
        couponCode={coupon.code}
        version={version + changes + settled}
        batches={byId}
        filters={filters}
        setFilters={setFilters}
        onToggle={(code) => setDialog({ kind: 'toggle', code })}
        actions={
          canOperate && (
            <>
              <Button disabled={!live} title={closedHint} onClick={() => setDialog({ kind: 'generate' })}>Generate codes</Button>
              <Button variant="primary" disabled={!live} title={closedHint} onClick={() => setDialog({ kind: 'create' })}>
                New promotion code
              </Button>
            </>
          )
        }
      />
      {(batches.error !== null || (batches.data?.length ?? 0) > 0) && (
        <PromotionCodeBatchesCard
          batches={batches}
          onShowCodes={(batch) => {
            setFilters({ ...NO_FILTERS, batch });
            document.getElementById('promotion-codes')?.scrollIntoView?.({ behavior: 'smooth' });
          }}
        />
      )}

      {dialog?.kind === 'create' && (
        <NewPromotionCodeDialog
          coupon={coupon}
          onClose={() => setDialog(null)}
          onCreated={(code) => done(`Promotion code ${code.code} created.`)}
        />
      )}
      {dialog?.kind === 'generate' && (
        <GenerateCodesDialog
          coupon={coupon}
          onClose={() => setDialog(null)}
          onStarted={(batch) => done(`Generating ${formatCount(batch.count)} codes. They can be downloaded once the batch completes.`)}
        />
      )}
      {dialog?.kind === 'toggle' && <ToggleCodeDialog code={dialog.code} onClose={() => setDialog(null)} onDone={done} />}
    </>
  );
}
