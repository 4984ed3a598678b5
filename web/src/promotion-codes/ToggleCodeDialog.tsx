import { ApiError } from '../api/client';
import type { PromotionCode } from '../api/types';
import { useApi } from '../auth/session';
import { codeMessage } from '../coupons/error-messages';
import { ConfirmDialog } from '../ui/ConfirmDialog';

export const promotionCodePath = (code: string): string => `/promotion_codes/${encodeURIComponent(code)}`;

/** Deactivates (or reactivates) a code after confirmation; there is no delete. A failure stays in the dialog. */
export function ToggleCodeDialog({ code, onClose, onDone }: {
  code: PromotionCode;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const api = useApi();
  const confirm = async () => {
    try {
      await api.send('PUT', promotionCodePath(code.code), { promotion_code: { active: !code.active } });
    } catch (error) {
      const message = error instanceof ApiError ? codeMessage(error.code, error.message) : 'The code could not be changed.';
      throw new Error(message, { cause: error });
    }
    onDone(`Promotion code ${code.code} ${code.active ? 'deactivated' : 'reactivated'}.`);
  };
  return (
    <ConfirmDialog
      title={`${code.active ? 'Deactivate' : 'Reactivate'} ${code.code}?`}
      confirmLabel={code.active ? 'Deactivate code' : 'Reactivate code'}
      onClose={onClose}
      onConfirm={confirm}
    >
      {code.active
        ? 'Customers can no longer redeem it. Discounts already redeemed through it are kept.'
        : 'Customers can redeem it again, within its own limits and its coupon’s.'}
    </ConfirmDialog>
  );
}
