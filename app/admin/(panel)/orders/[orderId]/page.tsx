import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import ui from "@/components/admin/admin-ui.module.css";
import { OrderStatusBadge } from "@/components/admin/status-badge";
import { TimeStamp } from "@/components/admin/time-stamp";
import { formatMoney } from "@/lib/money";
import { articlePath } from "@/lib/routes";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { getOrderForAdmin } from "@/server/orders/get-order-for-admin";
import { OrderActions } from "./order-actions";
import { OrderTimeline } from "./order-timeline";
import styles from "./order.module.css";

export const metadata: Metadata = { title: "Order" };

interface OrderPageProps {
  params: Promise<{ orderId: string }>;
}

export default async function OrderPage({ params }: OrderPageProps) {
  await requireAdminSession();
  const { orderId } = await params;
  const detail = await getOrderForAdmin({ orderId });
  if (!detail) notFound();
  const { order, readerAccess, auditLog, timeline } = detail;
  const price = formatMoney({ amount: order.amount, currency: order.currency });

  return (
    <>
      <header className={ui.pageHeader}>
        <div>
          <p className={ui.hint}>
            <Link href="/admin/orders">← Orders</Link>
          </p>
          <h1 className={ui.pageTitle}>
            Order <span className={ui.mono}>{order.id}</span>
          </h1>
          <p className={ui.pageLead}>
            <OrderStatusBadge status={order.status} /> · {price} for “{order.productTitle}”
          </p>
        </div>
      </header>

      {order.status === "NEEDS_REVIEW" && order.reviewReason ? (
        <p className={ui.notice} role="note">
          <strong>Needs review:</strong> {order.reviewReason}
        </p>
      ) : null}
      {order.refundReason && !order.refundedAt ? (
        <div className={ui.notice} role="note">
          <p>
            <strong>Refund due:</strong> {order.refundReason}
          </p>
          <p>
            HandCash has no refund API: send {price} back to {describePayer(order.payments.at(-1))} from your HandCash wallet, then record it with{" "}
            <strong>Mark refunded</strong>. The reader keeps the access they already had.
          </p>
        </div>
      ) : null}
      {order.refundReason && order.refundedAt ? (
        <p className={ui.notice} role="note">
          <strong>Refunded</strong> on <TimeStamp date={order.refundedAt} />: {order.refundReason}
        </p>
      ) : null}
      {order.status === "FAILED" && order.failureReason ? (
        <p className={ui.notice} role="note">
          <strong>Failed:</strong> {order.failureReason}
        </p>
      ) : null}

      <div className={styles.layout}>
        <div className={styles.main}>
          <section className={ui.card} aria-labelledby="summary-title">
            <h2 id="summary-title" className={ui.sectionTitle}>
              Summary
            </h2>
            <dl className={ui.dl}>
              <dt>Status</dt>
              <dd>
                <OrderStatusBadge status={order.status} />
              </dd>
              <dt>Product</dt>
              <dd>
                <Link href={`/admin/products/${order.product.id}`}>{order.product.title}</Link> (
                <a href={articlePath(order.product.slug)} target="_blank" rel="noreferrer">
                  article<span className={ui.visuallyHidden}> (opens in a new tab)</span>
                </a>
                ){order.productTitle !== order.product.title ? <span className={ui.muted}> · ordered as “{order.productTitle}”</span> : null}
              </dd>
              <dt>Price (at order time)</dt>
              <dd>{price}</dd>
              <dt>Created</dt>
              <dd>
                <TimeStamp date={order.createdAt} />
              </dd>
              <dt>Payment window ends</dt>
              <dd>
                <TimeStamp date={order.expiresAt} />
              </dd>
              <dt>Paid</dt>
              <dd>
                <TimeStamp date={order.paidAt} />
              </dd>
              <dt>Payment request</dt>
              <dd>
                {order.paymentRequestId ? (
                  <>
                    <span className={ui.mono}>{order.paymentRequestId}</span>
                    {order.paymentRequestUrl && /^https?:\/\//.test(order.paymentRequestUrl) ? (
                      <>
                        {" "}
                        ·{" "}
                        <a href={order.paymentRequestUrl} target="_blank" rel="noreferrer">
                          payment link<span className={ui.visuallyHidden}> (opens in a new tab)</span>
                        </a>
                      </>
                    ) : null}
                  </>
                ) : (
                  <span className={ui.muted}>none was created</span>
                )}
              </dd>
              <dt>Payments</dt>
              <dd>
                {order.payments.length === 0 ? (
                  <span className={ui.muted}>none recorded</span>
                ) : (
                  order.payments.map((payment) => (
                    <div key={payment.id}>
                      <span className={ui.mono}>{payment.transactionId}</span>
                      {payment.payerPaymail ? ` · ${payment.payerPaymail}` : ""}
                    </div>
                  ))
                )}
              </dd>
              <dt>Reader</dt>
              <dd>
                <span className={ui.mono}>{order.readerId}</span>
              </dd>
              <dt>Reader&apos;s access</dt>
              <dd>
                {readerAccess ? (
                  <>
                    Has access since <TimeStamp date={readerAccess.grantedAt} />
                    {readerAccess.orderId && readerAccess.orderId !== order.id ? (
                      <>
                        {" "}
                        (from order <Link href={`/admin/orders/${readerAccess.orderId}`}>{readerAccess.orderId}</Link>)
                      </>
                    ) : null}
                  </>
                ) : (
                  <span className={ui.muted}>No access</span>
                )}
              </dd>
              <dt>Last checked with HandCash</dt>
              <dd>
                <TimeStamp date={order.verifiedAt} />
              </dd>
            </dl>
          </section>

          <section className={ui.card} aria-labelledby="timeline-title">
            <h2 id="timeline-title" className={ui.sectionTitle}>
              Timeline
            </h2>
            <p className={ui.hint} style={{ marginBottom: "1rem" }}>
              Everything that happened to this order, oldest first: our steps, each webhook delivery from HandCash with our answer, and payments.
            </p>
            <OrderTimeline items={timeline} />
          </section>

          <section className={ui.card} aria-labelledby="audit-title">
            <h2 id="audit-title" className={ui.sectionTitle}>
              Owner actions
            </h2>
            {auditLog.length === 0 ? (
              <p className={ui.muted}>No owner has acted on this order.</p>
            ) : (
              <ul className={styles.auditList}>
                {auditLog.map((entry) => (
                  <li key={entry.id}>
                    <TimeStamp date={entry.createdAt} /> · <strong>{entry.action}</strong> by {entry.actorEmail}
                    {entry.reason ? <> · “{entry.reason}”</> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>

        <aside className={styles.side} aria-label="Actions on this order">
          <OrderActions
            orderId={order.id}
            status={order.status}
            hasAccess={readerAccess !== null}
            isRefundDue={order.refundReason !== null && order.refundedAt === null}
          />
        </aside>
      </div>
    </>
  );
}

/** Who to send a refund to: the paymail HandCash gave us, else the payer's HandCash id. */
function describePayer(payment: { payerPaymail: string | null; payerId: string | null; transactionId: string } | undefined): string {
  if (!payment) return "the payer";
  if (payment.payerPaymail) return `${payment.payerPaymail} (transaction ${payment.transactionId})`;
  return payment.payerId ? `the HandCash user ${payment.payerId} (transaction ${payment.transactionId})` : `the payer of transaction ${payment.transactionId}`;
}
