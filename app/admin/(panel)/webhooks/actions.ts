"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, type ActionState, parseFormData } from "@/lib/schemas/action-result";
import { matchOrphanFormSchema } from "@/lib/schemas/admin-orders";
import { actionFailure, validationFailure } from "@/server/admin/action-failure";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { matchOrphanEvent } from "@/server/payments/match-orphan-event";

/** Assigns an orphan delivery to the order it pays, once HandCash confirms it; audited with the reason. */
export async function matchOrphan(_state: ActionState, formData: FormData): Promise<ActionResult> {
  const session = await requireAdminSession();
  const parsed = parseFormData(matchOrphanFormSchema, formData);
  if (!parsed.success) return validationFailure(parsed.error);
  const { webhookEventId, orderId, reason } = parsed.data;
  let result: Awaited<ReturnType<typeof matchOrphanEvent>>;
  try {
    result = await matchOrphanEvent({ webhookEventId, orderId, actor: session.actor, reason });
    await recordAuditLog({
      actorEmail: session.email,
      action: "webhook.match_orphan",
      targetType: "webhook_event",
      targetId: webhookEventId,
      reason,
      detail: { orderId, ...result },
    });
    await recordAuditLog({
      actorEmail: session.email,
      action: "order.match_orphan",
      targetType: "order",
      targetId: orderId,
      reason,
      detail: { webhookEventId, ...result },
    });
  } catch (error) {
    return actionFailure(error, "admin.webhook.match_failed");
  }
  revalidatePath("/admin/webhooks");
  revalidatePath(`/admin/orders/${orderId}`);
  return { ok: true, message: `Matched to order ${orderId}: ${result.detail}` };
}
