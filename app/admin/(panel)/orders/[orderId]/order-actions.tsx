"use client";

import { ReasonActionForm } from "@/components/admin/reason-action-form";
import type { OrderStatusValue } from "@/lib/schemas/admin-orders";
import { expireOrder, grantAccess, markRefunded, recheckOrder, revokeAccess } from "./actions";
import styles from "./order.module.css";

interface OrderActionsProps {
  orderId: string;
  status: OrderStatusValue;
  hasAccess: boolean;
  /** A payment on this order is flagged for a refund and not yet marked refunded. */
  isRefundDue: boolean;
}

/**
 * What an owner can do about an order; each action asks why, and the answer is audited. The forms
 * stay mounted when they stop applying (a paid order cannot be expired), so the result of the
 * action that changed that is still announced.
 */
export function OrderActions({ orderId, status, hasAccess, isRefundDue }: OrderActionsProps) {
  const hidden = { orderId };
  const isExpirable = status === "PENDING" || status === "NEEDS_REVIEW";
  return (
    <>
      <div className={styles.actionCard}>
        <ReasonActionForm
          action={markRefunded}
          hidden={hidden}
          title="Mark refunded"
          description="After you have sent the flagged payment back to the payer from your HandCash wallet. Say how (for example the refund's transaction id)."
          submitLabel="Mark refunded"
          pendingLabel="Recording…"
          variant="secondary"
          unavailable={isRefundDue ? undefined : "No payment on this order is due a refund."}
        />
      </div>
      <div className={styles.actionCard}>
        <ReasonActionForm
          action={recheckOrder}
          hidden={hidden}
          title="Re-check with HandCash"
          description="Asks HandCash now whether this payment request was paid. A payment it confirms is recorded and the reader gets access."
          submitLabel="Re-check now"
          pendingLabel="Asking HandCash…"
          unavailable={status === "PAID" ? "This order is paid; there is nothing left to check with HandCash." : undefined}
        />
      </div>
      <div className={styles.actionCard}>
        <ReasonActionForm
          action={expireOrder}
          hidden={hidden}
          title="Expire the order"
          description="Stops waiting for this payment. If HandCash still delivers a payment for it, it is honoured."
          submitLabel="Expire order"
          pendingLabel="Expiring…"
          variant="secondary"
          unavailable={isExpirable ? undefined : "Only a pending or needs-review order can be expired."}
        />
      </div>
      <div className={styles.actionCard}>
        {/* One form whose action follows the state, so "granted" stays announced after it flips to "revoke". */}
        <ReasonActionForm
          action={hasAccess ? revokeAccess : grantAccess}
          hidden={hidden}
          title={hasAccess ? "Revoke access" : "Grant access"}
          description={
            hasAccess
              ? "The reader goes back to the preview. Use it after a refund or a mistaken grant. The order's status does not change."
              : "Lets this order's reader read the full article without a recorded payment (paid some other way, or after your review)."
          }
          submitLabel={hasAccess ? "Revoke access" : "Grant access"}
          pendingLabel={hasAccess ? "Revoking…" : "Granting…"}
          variant={hasAccess ? "danger" : "secondary"}
        />
      </div>
    </>
  );
}
