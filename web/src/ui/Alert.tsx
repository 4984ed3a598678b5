import type { ReactNode } from 'react';

export function Alert({ tone, children }: { tone: 'danger' | 'info' | 'success'; children: ReactNode }) {
  // Errors interrupt screen readers; confirmations and hints wait their turn.
  return (
    <div className={`alert alert-${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
