/**
 * A modal dialog: focus moves into it, Escape and the backdrop close it, Tab stays inside, and
 * focus returns to the opener when it closes.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from './Button';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href]';

export function Dialog({
  title,
  onClose,
  children,
  actions,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea') ??
      ref.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => opener?.focus?.();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) return;
    const [first, last] = [items[0], items[items.length - 1]];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={ref} onKeyDown={onKeyDown}>
        <div className="dialog-body">
          <h2 className="dialog-title" id={titleId}>
            {title}
          </h2>
          {children}
        </div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}

/**
 * A dialog's footer: Cancel, and its one action, which says it is working while `busy` (both are off then).
 * With `form`, the action submits that form (Enter in a field does the same); otherwise it calls `onAction`.
 */
export function DialogActions({ onCancel, busy, label, busyLabel, onAction, form, variant = 'primary' }: {
  onCancel: () => void;
  busy: boolean;
  label: string;
  busyLabel: string;
  onAction?: () => void;
  form?: string;
  variant?: 'primary' | 'danger';
}) {
  return (
    <>
      <Button onClick={onCancel} disabled={busy}>Cancel</Button>
      <Button type={form ? 'submit' : 'button'} form={form} variant={variant} onClick={onAction} disabled={busy}>
        {busy ? busyLabel : label}
      </Button>
    </>
  );
}
