import { ORDER_STATUS_LABELS, type OrderStatusValue } from "@/lib/schemas/admin-orders";
import ui from "./admin-ui.module.css";

const ORDER_TONES: Record<OrderStatusValue, string | undefined> = {
  PAID: ui.badgeGood,
  PENDING: ui.badgeWait,
  NEEDS_REVIEW: ui.badgeWarn,
  EXPIRED: ui.badgeNeutral,
  FAILED: ui.badgeBad,
};

export function OrderStatusBadge({ status }: { status: OrderStatusValue }) {
  return <span className={`${ui.badge} ${ORDER_TONES[status]}`}>{ORDER_STATUS_LABELS[status]}</span>;
}

const OUTCOME_TONES: Record<string, string | undefined> = {
  RECORDED: ui.badgeGood,
  DUPLICATE: ui.badgeNeutral,
  ORPHAN: ui.badgeWarn,
  MISMATCH: ui.badgeBad,
  EXTRA_PAYMENT: ui.badgeWarn,
  UNCONFIRMED: ui.badgeWarn,
  REJECTED: ui.badgeBad,
};

export const OUTCOME_LABELS: Record<string, string> = {
  RECORDED: "Recorded",
  DUPLICATE: "Duplicate",
  ORPHAN: "Orphan",
  MISMATCH: "Mismatch",
  EXTRA_PAYMENT: "Extra payment",
  UNCONFIRMED: "Unconfirmed",
  REJECTED: "Rejected",
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <span className={`${ui.badge} ${OUTCOME_TONES[outcome] ?? ui.badgeNeutral}`}>{OUTCOME_LABELS[outcome] ?? outcome}</span>;
}

export function PublishedBadge({ published }: { published: boolean }) {
  return <span className={`${ui.badge} ${published ? ui.badgeGood : ui.badgeNeutral}`}>{published ? "Published" : "Draft"}</span>;
}
