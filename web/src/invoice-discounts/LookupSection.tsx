import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { navigate } from '../router';
import { paths } from '../routes';
import { Button } from '../ui/Button';
import { TextField } from '../ui/fields';
import { ErrorState, LoadingState } from '../ui/states';
import { DiscountResult } from './DiscountResult';
import type { InvoiceDiscountResponse } from './invoice-discount-types';

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * Looks a committed discount up by the billing system's invoice id. The id lives in the URL
 * (`?invoice=`), so a lookup can be reloaded, shared and reached with the back button.
 */
export function LookupSection({ externalInvoiceId }: { externalInvoiceId: string }) {
  const api = useApi();
  const [text, setText] = useState(externalInvoiceId);
  const [blank, setBlank] = useState(false);
  const lookup = useResource<InvoiceDiscountResponse | null>(
    () => (externalInvoiceId ? api.get(`/invoice_discounts/${encodeURIComponent(externalInvoiceId)}`) : Promise.resolve(null)),
    externalInvoiceId,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = text.trim();
    setBlank(id === '');
    if (id === '') return;
    if (id === externalInvoiceId) lookup.reload();
    else navigate(paths.invoiceDiscounts(id));
  };

  let fieldError: string | undefined;
  if (blank) fieldError = 'Enter the invoice ID your billing system sent';
  else if (!lookup.loading && isNotFound(lookup.error)) fieldError = 'No committed discount has this invoice ID';

  let result = null;
  if (externalInvoiceId && lookup.loading) result = <LoadingState label="Looking the invoice up…" />;
  else if (lookup.error && !isNotFound(lookup.error)) {
    result = <ErrorState message="The invoice discount could not be loaded." onRetry={lookup.reload} />;
  } else if (lookup.data) {
    result = <DiscountResult discount={lookup.data.invoice_discount} title={`Discount of invoice ${externalInvoiceId}`} />;
  }

  return (
    <section className="card" aria-labelledby="lookup-title">
      <div className="card-header">
        <h2 id="lookup-title">Look up a committed discount</h2>
      </div>
      <div className="card-body form-stack">
        <form className="form-fields" onSubmit={submit} noValidate>
          <div className="form-row">
            <TextField
              label="External invoice ID"
              hint="The id your billing system committed the discount with"
              value={text}
              error={fieldError}
              onChange={setText}
              autoComplete="off"
            />
          </div>
          <div>
            <Button type="submit" variant="primary">Look up</Button>
          </div>
        </form>
        {result}
      </div>
    </section>
  );
}
