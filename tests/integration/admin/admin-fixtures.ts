import crypto from "node:crypto";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { CurrencyCode } from "@/lib/money";
import { createAdminSession } from "@/server/admin/create-admin-session";
import { db } from "@/server/db";
import { TEST_ADMIN_EMAIL } from "../../setup/test-config";

/** A live owner session, as the login would create it; returns the cookie header value too. */
export async function signedInOwner() {
  const session = await createAdminSession({ email: TEST_ADMIN_EMAIL, ip: "198.51.100.7", userAgent: "vitest" });
  return { ...session, cookie: `tg_admin=${session.token}` };
}

/** Whether `error` is Next's redirect signal to `path` (what redirect() throws). */
export function isRedirectTo(error: unknown, path: string): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;") && digest.split(";")[2] === path;
}

export interface InsertedOrderOptions {
  productId: string;
  productTitle?: string;
  amount?: number;
  currency?: CurrencyCode;
  status?: OrderStatus;
  createdAt?: Date;
  paidAt?: Date | null;
  payerPaymail?: string;
}

/** An order row written directly (no HandCash round trip), for list, export and dashboard tests. */
export async function insertOrder({
  productId,
  productTitle = "A product",
  amount = 250,
  currency = "USD",
  status = "PENDING",
  createdAt = new Date(),
  paidAt = null,
  payerPaymail,
}: InsertedOrderOptions) {
  const reader = await db.reader.create({ data: { tokenHash: crypto.randomBytes(32).toString("hex") } });
  const paymentRequestId = crypto.randomBytes(12).toString("hex");
  const created = await db.order.create({
    data: {
      readerId: reader.id,
      productId,
      productTitle,
      amount,
      currency,
      createdAt,
      paymentRequestId,
      expiresAt: new Date(createdAt.getTime() + 15 * 60_000),
    },
  });
  // Born PENDING like every order (the database's state machine refuses anything else), then moved.
  const order = await db.order.update({
    where: { id: created.id },
    data: { status, paidAt: paidAt ?? (status === "PAID" ? new Date(createdAt.getTime() + 60_000) : null) },
  });
  let transactionId: string | null = null;
  if (status === "PAID" || payerPaymail) {
    transactionId = crypto.randomBytes(32).toString("hex");
    await db.payment.create({ data: { orderId: order.id, transactionId, paymentRequestId, payerPaymail: payerPaymail ?? "reader@handcash.io", userData: {} } });
  }
  return { ...order, transactionId };
}
