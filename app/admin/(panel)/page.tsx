import type { Metadata } from "next";
import Link from "next/link";
import ui from "@/components/admin/admin-ui.module.css";
import { EmptyState } from "@/components/admin/empty-state";
import { formatDuration, formatPercent, formatShortDate } from "@/components/admin/format";
import { OrderStatusBadge } from "@/components/admin/status-badge";
import { StackedBarChart } from "@/components/admin/stacked-bar-chart";
import { formatMoney } from "@/lib/money";
import { ORDER_STATUS_VALUES } from "@/lib/schemas/admin-orders";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { countRefundsDue } from "@/server/orders/count-refunds-due";
import { getOrderFunnel } from "@/server/orders/get-order-funnel";
import { getRevenueByDay } from "@/server/orders/get-revenue-by-day";
import { getRevenueByProduct } from "@/server/orders/get-revenue-by-product";

export const metadata: Metadata = { title: "Dashboard" };

const DAYS = 30;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
const CURRENCY_COLORS: Record<string, string> = { USD: "#0b6e4f", EUR: "#2f5fb3", GBP: "#8a4b9c", BSV: "#c27c0e" };

export default async function DashboardPage() {
  await requireAdminSession();
  const now = new Date();
  const since = new Date(now.getTime() - DAYS * 24 * 60 * 60 * 1000);
  const [revenue, byProduct, funnel, refundsDue] = await Promise.all([
    getRevenueByDay({ days: DAYS, now }),
    getRevenueByProduct({ since }),
    getOrderFunnel({ since }),
    countRefundsDue(),
  ]);

  return (
    <>
      <header className={ui.pageHeader}>
        <div>
          <h1 className={ui.pageTitle}>Dashboard</h1>
          <p className={ui.pageLead}>The last {DAYS} days of sales. Amounts are shown per currency and never added across currencies; days are UTC.</p>
        </div>
        <Link className={ui.buttonSecondary} href="/admin/orders/export">
          Export all orders (CSV)
        </Link>
      </header>

      <section aria-labelledby="kpis" className={ui.cardGrid}>
        <h2 id="kpis" className={ui.visuallyHidden}>
          Key figures
        </h2>
        <div className={ui.stat}>
          <p className={ui.statLabel}>Revenue, {DAYS} days</p>
          {revenue.length === 0 ? (
            <p className={ui.statValue}>—</p>
          ) : (
            revenue.map((series) => (
              <p key={series.currency} className={ui.statValue}>
                {formatMoney({ amount: series.total, currency: series.currency })}
              </p>
            ))
          )}
        </div>
        <div className={ui.stat}>
          <p className={ui.statLabel}>Orders started</p>
          <p className={ui.statValue}>{funnel.created}</p>
          <p className={ui.statNote}>{funnel.byStatus.PAID} paid</p>
        </div>
        <div className={ui.stat}>
          <p className={ui.statLabel}>Conversion to paid</p>
          <p className={ui.statValue}>{funnel.conversion === null ? "—" : formatPercent(funnel.conversion)}</p>
          <p className={ui.statNote}>Orders created → paid</p>
        </div>
        <div className={ui.stat}>
          <p className={ui.statLabel}>Median time to pay</p>
          <p className={ui.statValue}>{funnel.medianSecondsToPay === null ? "—" : formatDuration(funnel.medianSecondsToPay)}</p>
          <p className={ui.statNote}>From order to payment</p>
        </div>
      </section>

      <section className={ui.card} aria-labelledby="revenue-title">
        <h2 id="revenue-title" className={ui.sectionTitle}>
          Revenue per day
        </h2>
        {revenue.length === 0 ? (
          <EmptyState title="No paid orders in the last 30 days">
            <p>
              Revenue appears here once readers pay. Check that your products are published on the <Link href="/admin/products">Products</Link> page.
            </p>
          </EmptyState>
        ) : (
          revenue.map((series) => (
            <div key={series.currency} style={{ marginBottom: "1.25rem" }}>
              <h3 className={ui.label}>
                {series.currency}: {formatMoney({ amount: series.total, currency: series.currency })}
              </h3>
              <StackedBarChart
                title={`Revenue per day in ${series.currency}, last ${DAYS} days`}
                description={`Daily paid revenue in ${series.currency}; total ${formatMoney({ amount: series.total, currency: series.currency })}.`}
                categoryHeading="Day (UTC)"
                series={[{ key: "amount", label: series.currency, color: CURRENCY_COLORS[series.currency] ?? "#0b6e4f" }]}
                bars={series.days.map((day) => ({ label: formatShortDate(day.day), fullLabel: day.day, values: { amount: day.amount } }))}
                format={(amount) => formatMoney({ amount, currency: series.currency })}
              />
            </div>
          ))
        )}
      </section>

      <div className={ui.cardGrid} style={{ gridTemplateColumns: "repeat(auto-fit, minmax(20rem, 1fr))" }}>
        <section className={ui.card} aria-labelledby="products-title" style={{ marginBottom: 0 }}>
          <h2 id="products-title" className={ui.sectionTitle}>
            Revenue per product
          </h2>
          {byProduct.length === 0 ? (
            <p className={ui.muted}>No product has been paid for yet.</p>
          ) : (
            <div className={ui.tableWrap}>
              <table className={ui.table}>
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col" className={ui.numeric}>
                      {DAYS} days
                    </th>
                    <th scope="col" className={ui.numeric}>
                      All time
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {byProduct.map((row) => (
                    <tr key={`${row.productId}-${row.currency}`}>
                      <th scope="row">
                        <Link href={`/admin/orders?product=${encodeURIComponent(row.productId)}&status=PAID`}>{row.title}</Link>
                      </th>
                      <td className={ui.numeric}>
                        {formatMoney({ amount: row.recentAmount, currency: row.currency })}
                        <br />
                        <span className={ui.muted}>{plural(row.recentOrders, "order")}</span>
                      </td>
                      <td className={ui.numeric}>
                        {formatMoney({ amount: row.totalAmount, currency: row.currency })}
                        <br />
                        <span className={ui.muted}>{plural(row.totalOrders, "order")}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section className={ui.card} aria-labelledby="status-title" style={{ marginBottom: 0 }}>
          <h2 id="status-title" className={ui.sectionTitle}>
            Orders by status ({DAYS} days)
          </h2>
          <div className={ui.tableWrap}>
            <table className={ui.table}>
              <thead>
                <tr>
                  <th scope="col">Status</th>
                  <th scope="col" className={ui.numeric}>
                    Orders
                  </th>
                </tr>
              </thead>
              <tbody>
                {ORDER_STATUS_VALUES.map((status) => (
                  <tr key={status}>
                    <th scope="row">
                      <Link href={`/admin/orders?status=${status}`} aria-label={`Show ${status.toLowerCase().replace("_", " ")} orders`}>
                        <OrderStatusBadge status={status} />
                      </Link>
                    </th>
                    <td className={ui.numeric}>{funnel.byStatus[status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {refundsDue > 0 ? (
            <p className={ui.notice}>
              {refundsDue} {refundsDue === 1 ? "payment is" : "payments are"} due a refund (paid twice, or for something the reader already had):{" "}
              <Link href="/admin/orders?refund=due">open them</Link>.
            </p>
          ) : null}
          {funnel.byStatus.NEEDS_REVIEW > 0 ? (
            <p className={ui.notice}>
              {funnel.byStatus.NEEDS_REVIEW} {funnel.byStatus.NEEDS_REVIEW === 1 ? "order needs" : "orders need"} your review:{" "}
              <Link href="/admin/orders?status=NEEDS_REVIEW">open them</Link>.
            </p>
          ) : null}
        </section>
      </div>
    </>
  );
}
