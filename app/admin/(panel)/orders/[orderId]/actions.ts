"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, type ActionState, parseFormData } from "@/lib/schemas/action-result";
import { orderActionFormSchema } from "@/lib/schemas/admin-orders";
import { actionFailure, validationFailure } from "@/server/admin/action-failure";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { grantAccessManually } from "@/server/fulfilment/grant-access-manually";
import { revokeEntitlement } from "@/server/fulfilment/revoke-entitlement";
import { expireOrder as expireOrderRecord } from "@/server/orders/expire-order";
import { markOrderRefunded } from "@/server/orders/mark-order-refunded";
import { reconcileOrder } from "@/server/payments/reconcile-order";

function revalidateOrder(orderId: string): void {
  revalidatePath(`/admin/orders/${orderId}`);
  revalidatePath("/admin/orders");
}

/** Asks HandCash about the order now and converges our records to the answer. */
export async function recheckOrder(_state: ActionState, formData: FormData): Promise<ActionResult> {
  const session = await requireAdminSession();
  const parsed = parseFormData(orderActionFormSchema, formData);
  if (!parsed.success) return validationFailure(parsed.error);
  const { orderId, reason } = parsed.data;
  let result: Awaited<ReturnType<typeof reconcileOrder>>;
  try {
    result = await reconcileOrder({ orderId, actor: session.actor, reason });
    // HandCash was asked, so the check happened whatever it found: audit it as such.
    await recordAuditLog({ actorEmail: session.email, action: "order.recheck", targetType: "order", targetId: orderId, reason, detail: { ...result } });
  } catch (error) {
    return actionFailure(error, "admin.order.recheck_failed");
  }
  revalidateOrder(orderId);
  return { ok: true, message: `Re-checked with HandCash: ${result.detail} (status: ${result.status.toLowerCase().replace("_", " ")}).` };
}

interface OwnerOrderChange {
  run: (options: { orderId: string; actorEmail: string; reason: string }) => Promise<void>;
  failureEvent: string;
  successMessage: string;
}

/** Session, reason form, the domain call (which audits itself), then the refreshed pages. */
async function changeOrderAsOwner(formData: FormData, { run, failureEvent, successMessage }: OwnerOrderChange): Promise<ActionResult> {
  const session = await requireAdminSession();
  const parsed = parseFormData(orderActionFormSchema, formData);
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await run({ orderId: parsed.data.orderId, actorEmail: session.email, reason: parsed.data.reason });
  } catch (error) {
    return actionFailure(error, failureEvent);
  }
  revalidateOrder(parsed.data.orderId);
  return { ok: true, message: successMessage };
}

export async function expireOrder(_state: ActionState, formData: FormData): Promise<ActionResult> {
  return changeOrderAsOwner(formData, {
    run: expireOrderRecord,
    failureEvent: "admin.order.expire_failed",
    successMessage: "The order is now expired. A payment that still arrives will be honoured.",
  });
}

export async function grantAccess(_state: ActionState, formData: FormData): Promise<ActionResult> {
  return changeOrderAsOwner(formData, {
    run: grantAccessManually,
    failureEvent: "admin.order.grant_failed",
    successMessage: "Access granted: the reader can read the full article in the browser they ordered from.",
  });
}

export async function revokeAccess(_state: ActionState, formData: FormData): Promise<ActionResult> {
  return changeOrderAsOwner(formData, {
    run: revokeEntitlement,
    failureEvent: "admin.order.revoke_failed",
    successMessage: "Access revoked: the reader sees the preview only from now on.",
  });
}

export async function markRefunded(_state: ActionState, formData: FormData): Promise<ActionResult> {
  return changeOrderAsOwner(formData, {
    run: markOrderRefunded,
    failureEvent: "admin.order.refund_failed",
    successMessage: "Refund recorded. The reader's access is unchanged.",
  });
}
