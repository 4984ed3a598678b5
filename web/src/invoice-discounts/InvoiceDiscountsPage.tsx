import { LookupSection } from './LookupSection';
import { PreviewSection } from './PreviewSection';

/** The discount engine for operators: a committed discount looked up by invoice, and a preview for any invoice. */
export function InvoiceDiscountsPage({ externalInvoiceId }: { externalInvoiceId: string }) {
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Invoice discounts</h1>
          <p className="page-subtitle">What customers’ coupons took off their invoices, or would take off a new one.</p>
        </div>
      </div>
      <LookupSection externalInvoiceId={externalInvoiceId} />
      <PreviewSection />
    </div>
  );
}
