"use client";

import { ReasonActionForm } from "@/components/admin/reason-action-form";
import { matchOrphan } from "./actions";

export function MatchOrphanForm({ webhookEventId }: { webhookEventId: string }) {
  return (
    <ReasonActionForm
      action={matchOrphan}
      hidden={{ webhookEventId }}
      title="Match to an order"
      description="If you know which order this payment was for, match it. HandCash is asked first: it must confirm this transaction paid this payment request, for the order's exact price."
      extraField={{ name: "orderId", label: "Order id", hint: "Paste the full id from the order's page." }}
      submitLabel="Match payment to order"
      pendingLabel="Checking with HandCash…"
    />
  );
}
