import ui from "@/components/admin/admin-ui.module.css";
import type { OrderEventType } from "@/generated/prisma/enums";
import { JsonBlock } from "@/components/admin/json-block";
import { formatPayer } from "@/components/admin/format";
import { OutcomeBadge } from "@/components/admin/status-badge";
import { TimeStamp } from "@/components/admin/time-stamp";
import type { OrderTimelineItem } from "@/server/orders/get-order-for-admin";
import styles from "./order.module.css";

const EVENT_LABELS: Record<OrderEventType, { title: string; tone?: "good" | "warn" | "bad" }> = {
  CREATED: { title: "Order created" },
  PAYMENT_REQUEST_CREATED: { title: "HandCash payment request created" },
  PAYMENT_REQUEST_FAILED: { title: "HandCash refused to create the payment request", tone: "bad" },
  PAYMENT_REQUEST_UNCERTAIN: { title: "HandCash did not answer the payment request; checking whether it exists", tone: "warn" },
  PAYMENT_REQUEST_CLOSED: { title: "HandCash payment request closed, so the old link cannot be paid" },
  VERIFIED: { title: "HandCash confirmed the payment", tone: "good" },
  VERIFICATION_FAILED: { title: "HandCash did not confirm the payment", tone: "warn" },
  PAID: { title: "Marked paid", tone: "good" },
  ACCESS_GRANTED: { title: "Access granted to the reader", tone: "good" },
  ACCESS_REVOKED: { title: "Access revoked", tone: "bad" },
  EXPIRED: { title: "Expired", tone: "warn" },
  RECHECKED: { title: "Re-checked with HandCash" },
  MATCHED_ORPHAN: { title: "Orphan delivery matched to this order", tone: "good" },
  FULFILLED: { title: "Fulfilled: everything the order delivers is done", tone: "good" },
  REFUND_DUE: { title: "Refund due to the payer", tone: "bad" },
  REFUNDED: { title: "Refund recorded", tone: "good" },
};

const WEBHOOK_TONES: Record<string, "good" | "warn" | "bad" | undefined> = {
  RECORDED: "good",
  ORPHAN: "warn",
  MISMATCH: "bad",
  EXTRA_PAYMENT: "warn",
  UNCONFIRMED: "warn",
};

function toneClass(tone: "good" | "warn" | "bad" | undefined): string {
  return tone === "good" ? styles.itemGood! : tone === "warn" ? styles.itemWarn! : tone === "bad" ? styles.itemBad! : "";
}

function linkFrom(detail: unknown): string | null {
  const url = (detail as { paymentRequestUrl?: unknown } | null)?.paymentRequestUrl;
  return typeof url === "string" && /^https?:\/\//.test(url) ? url : null;
}

/** The order's history, oldest first; every entry says what happened, who did it and the evidence. */
export function OrderTimeline({ items }: { items: OrderTimelineItem[] }) {
  if (items.length === 0) return <p className={ui.muted}>Nothing has happened to this order yet.</p>;
  return (
    <ol className={styles.timeline}>
      {items.map((item) => {
        if (item.kind === "event") {
          const label = EVENT_LABELS[item.type] ?? { title: item.type };
          const link = item.type === "PAYMENT_REQUEST_CREATED" ? linkFrom(item.detail) : null;
          return (
            <li key={`event-${item.id}`} className={`${styles.item} ${toneClass(label.tone)}`} data-timeline-type={item.type}>
              <div className={styles.itemHeader}>
                <p className={styles.itemTitle}>{label.title}</p>
                <span className={styles.itemMeta}>
                  <TimeStamp date={item.at} /> · by {item.actor}
                </span>
              </div>
              {item.reason ? <p className={styles.itemBody}>Reason: “{item.reason}”</p> : null}
              {link ? (
                <p className={styles.itemBody}>
                  <a href={link} target="_blank" rel="noreferrer">
                    Open the payment request<span className={ui.visuallyHidden}> (opens in a new tab)</span>
                  </a>
                </p>
              ) : null}
              {item.detail !== null && item.detail !== undefined ? (
                <details className={ui.details}>
                  <summary>
                    {item.type === "VERIFIED" || item.type === "VERIFICATION_FAILED" || item.type === "RECHECKED" ? "What HandCash said" : "Details"}
                  </summary>
                  <JsonBlock value={item.detail} label={`${label.title}: details`} />
                </details>
              ) : null}
            </li>
          );
        }
        if (item.kind === "webhook") {
          return (
            <li
              key={`webhook-${item.id}`}
              className={`${styles.item} ${styles.itemWebhook} ${toneClass(WEBHOOK_TONES[item.outcome])}`}
              data-timeline-type="WEBHOOK"
            >
              <div className={styles.itemHeader}>
                <p className={styles.itemTitle}>Webhook delivery from HandCash</p>
                <OutcomeBadge outcome={item.outcome} />
                <span className={styles.itemMeta}>
                  <TimeStamp date={item.at} />
                </span>
              </div>
              <p className={styles.itemBody}>
                Our answer: 200, {item.outcome.toLowerCase().replace("_", " ")}
                {item.detail ? ` (${item.detail})` : ""}. Transaction <span className={ui.mono}>{item.transactionId}</span>.
                {item.resolvedAt ? (
                  <>
                    {" "}
                    Resolved <TimeStamp date={item.resolvedAt} /> by {item.resolvedBy}.
                  </>
                ) : null}
              </p>
              <details className={ui.details}>
                <summary>Payload as received (app secret removed)</summary>
                <JsonBlock value={item.payload} label="Webhook payload" />
              </details>
            </li>
          );
        }
        const payer = formatPayer(item.payerPaymail, item.payerEmail);
        return (
          <li key={`payment-${item.id}`} className={`${styles.item} ${styles.itemGood}`} data-timeline-type="PAYMENT">
            <div className={styles.itemHeader}>
              <p className={styles.itemTitle}>Payment recorded</p>
              <span className={styles.itemMeta}>
                <TimeStamp date={item.at} />
              </span>
            </div>
            <p className={styles.itemBody}>
              Transaction <span className={ui.mono}>{item.transactionId}</span>
              {payer ? ` from ${payer}` : ""}
              {item.paymentMethod ? ` · ${item.paymentMethod}` : ""}.
            </p>
          </li>
        );
      })}
    </ol>
  );
}
