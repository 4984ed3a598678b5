import { currencyName } from '@coupons/domain';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { useApi, useCan } from '../auth/session';
import { codeMessage } from '../coupons/error-messages';
import { Link } from '../router';
import { paths } from '../routes';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DateTime } from '../ui/DateTime';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { ApplyCodeDialog } from './ApplyCodeDialog';
import { CustomerCoupons } from './CustomerCoupons';
import type { CustomerAppliedCoupon, CustomerResponse } from './customer-types';
import type { ApplyBy } from './format';

type OpenDialog = { kind: 'apply'; by: ApplyBy } | { kind: 'terminate'; applied: CustomerAppliedCoupon } | null;

const customerPath = (externalId: string) => `/customers/${encodeURIComponent(externalId)}`;

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "JPY · Yen": with its name when the domain's currency table knows the code. */
function currencyLabel(code: string | null): string {
  if (!code) return '—';
  const name = currencyName(code);
  return name ? `${code} · ${name}` : code;
}

/** The way back to the list; the customer itself is named by the heading below it. */
function Breadcrumb() {
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <Link to={paths.customers()}>Customers</Link>
    </nav>
  );
}

export function CustomerPage({ externalId }: { externalId: string }) {
  const api = useApi();
  const canOperate = useCan('operate');
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resource = useResource(() => api.get<CustomerResponse>(customerPath(externalId)), externalId);

  if (resource.loading && !resource.data) return <div className="page"><LoadingState label="Loading the customer…" /></div>;
  if (!resource.data) {
    const missing = resource.error instanceof ApiError && resource.error.code === 'customer_not_found';
    return (
      <div className="page">
        <Breadcrumb />
        {missing ? (
          <EmptyState title="Customer not found">
            No customer has the external ID <span className="mono">{externalId}</span>.
            <Link className="btn btn-secondary" to={paths.customers()}>Back to the customers</Link>
          </EmptyState>
        ) : (
          <ErrorState
            message={resource.error instanceof ApiError ? codeMessage(resource.error.code, resource.error.message) : 'The customer could not be loaded.'}
            onRetry={resource.reload}
          />
        )}
      </div>
    );
  }

  const { customer } = resource.data;
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    setVersion((v) => v + 1);
  };
  const terminate = async (applied: CustomerAppliedCoupon) => {
    try {
      await api.send('DELETE', `${customerPath(customer.external_id)}/applied_coupons/${encodeURIComponent(applied.lago_id)}`);
    } catch (error) {
      // Shown inside the confirmation dialog, which stays open.
      throw new Error(error instanceof ApiError ? codeMessage(error.code, error.message) : 'The coupon could not be terminated.', { cause: error });
    }
    done(`${applied.coupon_code} terminated for ${customer.external_id}.`);
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Breadcrumb />
          <h1 className="page-title">{customer.name ?? customer.external_id}</h1>
          <p className="page-subtitle mono">{customer.external_id}</p>
        </div>
        {canOperate && (
          <div className="page-actions">
            <Button onClick={() => setDialog({ kind: 'apply', by: 'promotion_code' })}>Apply a promotion code</Button>
            <Button variant="primary" onClick={() => setDialog({ kind: 'apply', by: 'coupon_code' })}>Apply a coupon</Button>
          </div>
        )}
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      <section className="card" aria-labelledby="customer-details-title">
        <div className="card-header">
          <h2 id="customer-details-title">Details</h2>
        </div>
        <div className="card-body">
          <dl className="dl">
            <Item label="External ID"><span className="mono">{customer.external_id}</span></Item>
            <Item label="Name">{customer.name ?? '—'}</Item>
            <Item label="Currency">{currencyLabel(customer.currency)}</Item>
            <Item label="Created"><DateTime value={customer.created_at} /></Item>
            <Item label="ID"><span className="mono muted">{customer.lago_id}</span></Item>
          </dl>
        </div>
      </section>
      <CustomerCoupons
        externalId={customer.external_id}
        version={version}
        onTerminate={canOperate ? (applied) => setDialog({ kind: 'terminate', applied }) : null}
      />

      {dialog?.kind === 'apply' && (
        <ApplyCodeDialog
          customer={customer}
          by={dialog.by}
          onClose={() => setDialog(null)}
          onApplied={(code) => done(`${code} applied to ${customer.external_id}.`)}
        />
      )}
      {dialog?.kind === 'terminate' && (
        <ConfirmDialog
          title={`Terminate ${dialog.applied.coupon_code} for ${customer.external_id}?`}
          confirmLabel="Terminate"
          onClose={() => setDialog(null)}
          onConfirm={() => terminate(dialog.applied)}
        >
          The customer loses what is left of this discount from the next invoice on. Credits already given stay.
        </ConfirmDialog>
      )}
    </div>
  );
}
