import { useState } from 'react';
import { ApiError } from '../api/client';
import type { PromotionCodeBatch } from '../api/types';
import type { Resource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { codeMessage } from '../coupons/error-messages';
import { Alert } from '../ui/Alert';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { DateTime } from '../ui/DateTime';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { batchStatus, batchTemplate, formatCount } from './format';
import { saveFile } from './save-file';
import { Card } from '../ui/Card';


export const batchCsvPath = (lagoId: string): string => `/promotion_code_batches/${encodeURIComponent(lagoId)}/codes.csv`;

function BatchProgress({ batch }: { batch: PromotionCodeBatch }) {
  const label = `${formatCount(batch.generated_count)} / ${formatCount(batch.count)}`;
  return (
    <div className="batch-progress">
      <progress value={batch.generated_count} max={batch.count} aria-label={`Codes generated: ${label}`} />
      <span className="cell-sub">{label}</span>
    </div>
  );
}

/** The coupon's batches with their progress; a completed batch's codes download as CSV. */
export function PromotionCodeBatchesCard({ batches, onShowCodes }: {
  batches: Resource<PromotionCodeBatch[]>;
  onShowCodes: (lagoId: string) => void;
}) {
  const api = useApi();
  const [downloading, setDownloading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async (batch: PromotionCodeBatch) => {
    setDownloading(batch.lago_id);
    setError(null);
    try {
      saveFile(await api.download(batchCsvPath(batch.lago_id)), `${batch.coupon_code}-codes-${batch.lago_id}.csv`);
    } catch (failure) {
      setError(failure instanceof ApiError ? codeMessage(failure.code, failure.message) : 'The codes could not be downloaded.');
    } finally {
      setDownloading(null);
    }
  };

  let body;
  if (batches.loading && !batches.data) body = <LoadingState label="Loading batches…" />;
  else if (!batches.data) body = <ErrorState message="Code batches could not be loaded." onRetry={batches.reload} />;
  else if (!batches.data.length) {
    body = <EmptyState title="No batches yet">Generate unique codes in bulk to hand out one per customer.</EmptyState>;
  } else {
    body = (
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Requested</th>
              <th>Codes</th>
              <th>Status</th>
              <th>Progress</th>
              <th>Completed</th>
              <th><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {batches.data.map((batch) => {
              const status = batchStatus(batch);
              return (
                <tr key={batch.lago_id}>
                  <td><DateTime value={batch.created_at} /></td>
                  <td className="mono nowrap">{batchTemplate(batch)}</td>
                  <td>
                    <Badge tone={status.tone}>{status.label}</Badge>
                    {batch.status === 'failed' && <div className="cell-sub">No free code was left for this prefix and length</div>}
                  </td>
                  <td><BatchProgress batch={batch} /></td>
                  <td><DateTime value={batch.completed_at} /></td>
                  <td>
                    <div className="batch-actions">
                      <Button size="sm" variant="ghost" onClick={() => onShowCodes(batch.lago_id)}>Show codes</Button>
                      {batch.status === 'completed' && (
                        <Button size="sm" disabled={downloading !== null} onClick={() => download(batch)}>
                          {downloading === batch.lago_id ? 'Downloading…' : 'Download CSV'}
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <Card titleId="batches-title" title="Code batches">
      {error && <div className="card-alert"><Alert tone="danger">{error}</Alert></div>}
      {body}
    </Card>
  );
}
