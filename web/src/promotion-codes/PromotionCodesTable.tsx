import type { PromotionCode, PromotionCodeBatch } from '../api/types';
import { useCan } from '../auth/session';
import { Link } from '../router';
import { paths } from '../routes';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { DateTime } from '../ui/DateTime';
import { batchTemplate, codeRedemptions, codeStatus, restrictionsSummary } from './format';

/** One page of codes; the batch cell filters the list to that batch, the last cell (de)activates. */
export function PromotionCodesTable({ codes, batches, showCoupon, onShowBatch, onToggle }: {
  codes: PromotionCode[];
  batches: ReadonlyMap<string, PromotionCodeBatch>;
  showCoupon: boolean;
  onShowBatch: (lagoId: string) => void;
  onToggle: (code: PromotionCode) => void;
}) {
  const now = new Date();
  const canOperate = useCan('operate');
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>Code</th>
            {showCoupon && <th>Coupon</th>}
            <th>Status</th>
            <th className="num">Redemptions</th>
            <th>Expires</th>
            <th>Restrictions</th>
            <th>Batch</th>
            <th><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {codes.map((code) => {
            const status = codeStatus(code, now);
            const batch = code.lago_batch_id === null ? undefined : batches.get(code.lago_batch_id);
            return (
              <tr key={code.lago_id}>
                <td className="mono cell-primary nowrap">{code.code}</td>
                {showCoupon && (
                  <td className="mono nowrap"><Link to={paths.coupon(code.coupon_code)}>{code.coupon_code}</Link></td>
                )}
                <td><Badge tone={status.tone}>{status.label}</Badge></td>
                <td className="num">{codeRedemptions(code)}</td>
                <td><DateTime value={code.expires_at} fallback="Never" /></td>
                <td className="cell-sub">{restrictionsSummary(code)}</td>
                <td>
                  {code.lago_batch_id === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="mono"
                      title="Show only the codes of this batch"
                      onClick={() => onShowBatch(code.lago_batch_id!)}
                    >
                      {batch ? batchTemplate(batch) : 'Batch'}
                    </Button>
                  )}
                </td>
                <td className="num">
                  {canOperate && (
                    <Button size="sm" variant={code.active ? 'ghost-danger' : 'secondary'} onClick={() => onToggle(code)}>
                      {code.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
