import { useState } from 'react';
import { ApiError, couponPath } from '../api/client';
import type { CouponResponse } from '../api/types';
import { useResource } from '../api/use-resource';
import { useApi, useCan } from '../auth/session';
import { Link, navigate } from '../router';
import { paths } from '../routes';
import { Alert } from '../ui/Alert';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { PromotionCodesSection } from '../promotion-codes/PromotionCodesSection';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorState, LoadingState } from '../ui/states';
import { AppliedCouponsCard } from './AppliedCouponsCard';
import { ApplyCouponDialog } from './ApplyCouponDialog';
import { CouponAttributes } from './CouponAttributes';
import { codeMessage } from './error-messages';
import { statusBadge } from './format';

type OpenDialog = 'apply' | 'terminate' | 'delete' | null;

function failureText(error: unknown): string {
  return error instanceof ApiError ? codeMessage(error.code, error.message) : 'The coupon could not be loaded.';
}

export function CouponPage({ code }: { code: string }) {
  const api = useApi();
  const canOperate = useCan('operate');
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resource = useResource(() => api.get<CouponResponse>(couponPath(code)), `${code}#${version}`);

  if (resource.loading && !resource.data) return <div className="page"><LoadingState /></div>;
  if (!resource.data) {
    return (
      <div className="page">
        <div className="breadcrumb"><Link to={paths.coupons()}>Coupons</Link></div>
        <ErrorState message={failureText(resource.error)} onRetry={resource.reload} />
      </div>
    );
  }

  const coupon = resource.data.coupon;
  const badge = statusBadge(coupon.status);
  const active = coupon.status === 'active';
  const refresh = (message: string) => {
    setDialog(null);
    setNotice(message);
    setVersion((v) => v + 1);
  };

  // Errors thrown here are shown inside the confirmation dialog, which stays open.
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      throw new Error(failureText(error), { cause: error });
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <div className="breadcrumb"><Link to={paths.coupons()}>Coupons</Link> / {coupon.code}</div>
          <div className="page-title-row">
            <h1 className="page-title">{coupon.name}</h1>
            <Badge tone={badge.tone}>{badge.label}</Badge>
          </div>
          <p className="page-subtitle mono">{coupon.code}</p>
        </div>
        {canOperate && (
          <div className="page-actions">
            <Button variant="ghost-danger" onClick={() => setDialog('delete')}>Delete</Button>
            {active && <Button onClick={() => setDialog('terminate')}>Terminate</Button>}
            <Link className="btn btn-secondary" to={paths.editCoupon(coupon.code)}>Edit</Link>
            {active && <Button variant="primary" onClick={() => setDialog('apply')}>Apply to customer</Button>}
          </div>
        )}
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      <section className="card" aria-labelledby="details-title">
        <div className="card-header">
          <h2 id="details-title">Details</h2>
        </div>
        <div className="card-body">
          <CouponAttributes coupon={coupon} />
        </div>
      </section>
      <PromotionCodesSection coupon={coupon} version={version} />
      <AppliedCouponsCard coupon={coupon} version={version} />

      {dialog === 'apply' && (
        <ApplyCouponDialog
          coupon={coupon}
          onClose={() => setDialog(null)}
          onApplied={(customer) => refresh(`Coupon applied to ${customer}.`)}
        />
      )}
      {dialog === 'terminate' && (
        <ConfirmDialog
          title={`Terminate ${coupon.code}?`}
          confirmLabel="Terminate coupon"
          onClose={() => setDialog(null)}
          onConfirm={() =>
            act(() => api.send('POST', `${couponPath(coupon.code)}/terminate`)).then(() => refresh('Coupon terminated.'))
          }
        >
          It can no longer be applied to customers. Customers who already have it keep their discount.
        </ConfirmDialog>
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete ${coupon.code}?`}
          confirmLabel="Delete coupon"
          onClose={() => setDialog(null)}
          onConfirm={() =>
            act(() => api.send('DELETE', couponPath(coupon.code))).then(() => navigate(paths.coupons(), { replace: true }))
          }
        >
          The coupon disappears and its code can be reused. Customers who have it lose their remaining discount.
        </ConfirmDialog>
      )}
    </div>
  );
}
