import { useState } from 'react';
import type { PromotionCode, PromotionCodeBatch } from '../api/types';
import { navigate } from '../router';
import { paths, type PromotionCodeListFilters } from '../routes';
import { Alert } from '../ui/Alert';
import { CheckCodeCard } from './CheckCodeCard';
import { PromotionCodesCard } from './PromotionCodesCard';
import { ToggleCodeDialog } from './ToggleCodeDialog';
import './promotion-codes.css';

/** Batches are shown on their coupon's page; here a code's batch cell only filters the list. */
const NO_BATCHES = new Map<string, PromotionCodeBatch>();

/** Every coupon's promotion codes, to find the one a customer reports; the filters live in the URL. */
export function PromotionCodesPage({ filters }: { filters: PromotionCodeListFilters }) {
  const [toggling, setToggling] = useState<PromotionCode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Promotion codes</h1>
          <p className="page-subtitle">The codes customers type to redeem your coupons. Create them from a coupon’s page.</p>
        </div>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      <CheckCodeCard />
      <PromotionCodesCard
        title="All codes"
        version={version}
        batches={NO_BATCHES}
        filters={filters}
        setFilters={(next) => navigate(paths.promotionCodes(next), { replace: true })}
        onToggle={setToggling}
      />
      {toggling && (
        <ToggleCodeDialog
          code={toggling}
          onClose={() => setToggling(null)}
          onDone={(message) => {
            setToggling(null);
            setNotice(message);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}
