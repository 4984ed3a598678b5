import { useState, type ReactNode } from 'react';
import { Alert } from './Alert';
import { Dialog, DialogActions } from './Dialog';

/** "Are you sure?" for destructive actions; stays open and shows the error if the action fails. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The action failed.');
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={<DialogActions onCancel={onClose} busy={busy} label={confirmLabel} busyLabel="Working…" variant="danger" onAction={() => void confirm()} />}
    >
      <div className="dialog-text">{children}</div>
      {error && <Alert tone="danger">{error}</Alert>}
    </Dialog>
  );
}
