import type { Metadata } from "next";
import Link from "next/link";
import ui from "@/components/admin/admin-ui.module.css";
import { EmptyState } from "@/components/admin/empty-state";
import { formatHour, formatShortDate, shortId } from "@/components/admin/format";
import { JsonBlock } from "@/components/admin/json-block";
import { listHref } from "@/components/admin/list-links";
import { Pagination } from "@/components/admin/pagination";
import { StackedBarChart } from "@/components/admin/stacked-bar-chart";
import { OUTCOME_LABELS, OutcomeBadge } from "@/components/admin/status-badge";
import { TimeStamp } from "@/components/admin/time-stamp";
import { WEBHOOK_OUTCOME_VALUES, webhookInboxQuerySchema } from "@/lib/schemas/admin-orders";
import { firstValues, type RawSearchParams } from "@/lib/schemas/search-params";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { countUnresolvedOrphans } from "@/server/webhooks/count-unresolved-orphans";
import { countWebhookDeliveries, DELIVERY_SERIES } from "@/server/webhooks/count-webhook-deliveries";
import { REJECTED_WEBHOOKS_KEPT_PER_MINUTE } from "@/server/payments/record-rejected-webhook";
import { countUnlistedRejectedWebhooks, listRejectedWebhooks } from "@/server/webhooks/list-rejected-webhooks";
import { listWebhookEvents, WEBHOOK_INBOX_PAGE_SIZE } from "@/server/webhooks/list-webhook-events";
import { MatchOrphanForm } from "./match-orphan-form";

export const metadata: Metadata = { title: "Webhooks" };

const PATH = "/admin/webhooks";

const SERIES_COLORS: Record<string, string> = {
  RECORDED: "#0b6e4f",
  DUPLICATE: "#8d8678",
  ORPHAN: "#d08a1c",
  MISMATCH: "#b3402f",
  EXTRA_PAYMENT: "#7a4fb0",
  UNCONFIRMED: "#2f5fb3",
  REJECTED: "#3b3530",
};

const RANGE_LABELS = { "24h": "Last 24 hours, per hour", "14d": "Last 14 days, per day", "30d": "Last 30 days, per day" } as const;

interface WebhooksPageProps {
  searchParams: Promise<RawSearchParams>;
}

export default async function WebhooksPage({ searchParams }: WebhooksPageProps) {
  await requireAdminSession();
  const query = webhookInboxQuerySchema.parse(firstValues(await searchParams));
  const isRejectedView = query.view === "rejected";
  const [buckets, orphanCount, accepted, rejected, unlistedRejections] = await Promise.all([
    countWebhookDeliveries({ range: query.range }),
    countUnresolvedOrphans(),
    isRejectedView ? null : listWebhookEvents({ outcome: query.outcome, isUnresolvedOrphansOnly: query.view === "orphans", page: query.page }),
    isRejectedView ? listRejectedWebhooks({ page: query.page }) : null,
    isRejectedView ? countUnlistedRejectedWebhooks() : 0,
  ]);
  const baseParams = { range: query.range === "14d" ? undefined : query.range };
  const listParams = { ...baseParams, view: query.view === "all" ? undefined : query.view, outcome: query.outcome };
  const isHourly = query.range === "24h";

  return (
    <>
      <header className={ui.pageHeader}>
        <div>
          <h1 className={ui.pageTitle}>Webhooks</h1>
          <p className={ui.pageLead}>
            Every notification HandCash (or anyone else) sent to your webhook URL: accepted deliveries with what we did with them, and refused ones with where
            they came from.
          </p>
        </div>
      </header>

      <section className={ui.card} aria-labelledby="deliveries-chart-title">
        <div className={ui.toolbar}>
          <h2 id="deliveries-chart-title" className={ui.sectionTitle} style={{ margin: 0 }}>
            Deliveries by outcome
          </h2>
          <nav aria-label="Chart period" className={ui.paginationLinks}>
            {(["24h", "14d", "30d"] as const).map((range) => (
              <Link
                key={range}
                className={ui.buttonSecondary}
                href={listHref(PATH, listParams, { range: range === "14d" ? undefined : range, page: undefined })}
                aria-current={query.range === range ? "page" : undefined}
                style={query.range === range ? { borderColor: "var(--color-accent)", color: "var(--color-accent-strong)" } : undefined}
              >
                {range}
              </Link>
            ))}
          </nav>
        </div>
        <StackedBarChart
          title={`Webhook deliveries by outcome: ${RANGE_LABELS[query.range].toLowerCase()}`}
          description={`Stacked bars of deliveries per ${isHourly ? "hour" : "day"} (UTC), split by outcome, including deliveries refused before authentication.`}
          categoryHeading={isHourly ? "Hour (UTC)" : "Day (UTC)"}
          isCount
          series={DELIVERY_SERIES.map((key) => ({ key, label: OUTCOME_LABELS[key] ?? key, color: SERIES_COLORS[key] ?? "#999" }))}
          bars={buckets.map((bucket) => ({
            label: isHourly ? formatHour(bucket.start) : formatShortDate(bucket.start),
            fullLabel: isHourly ? `${bucket.start.slice(0, 10)} ${formatHour(bucket.start)}` : bucket.start.slice(0, 10),
            values: bucket.counts,
          }))}
        />
      </section>

      <nav className={ui.tabs} aria-label="Delivery lists">
        <Link className={ui.tab} href={listHref(PATH, baseParams, {})} aria-current={query.view === "all" ? "page" : undefined}>
          Accepted deliveries
        </Link>
        <Link className={ui.tab} href={listHref(PATH, baseParams, { view: "orphans" })} aria-current={query.view === "orphans" ? "page" : undefined}>
          Orphans to match<span className={ui.count}>{orphanCount}</span>
        </Link>
        <Link className={ui.tab} href={listHref(PATH, baseParams, { view: "rejected" })} aria-current={isRejectedView ? "page" : undefined}>
          Refused (401/400/413)
        </Link>
      </nav>

      {query.view === "all" ? (
        <form className={ui.filters} method="get" action={PATH} aria-label="Filter deliveries">
          {baseParams.range ? <input type="hidden" name="range" value={baseParams.range} /> : null}
          <div className={ui.field}>
            <label className={ui.label} htmlFor="webhooks-outcome">
              Outcome
            </label>
            <select id="webhooks-outcome" name="outcome" className={ui.select} defaultValue={query.outcome ?? ""}>
              <option value="">Any outcome</option>
              {WEBHOOK_OUTCOME_VALUES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {OUTCOME_LABELS[outcome]}
                </option>
              ))}
            </select>
          </div>
          <div className={ui.filterActions}>
            <button type="submit" className={ui.button}>
              Apply
            </button>
          </div>
        </form>
      ) : null}

      {accepted ? (
        accepted.rows.length === 0 ? (
          query.view === "orphans" ? (
            <EmptyState title="No orphans to match">
              <p>An orphan is a genuine delivery for a payment request we have no order for. None is waiting.</p>
            </EmptyState>
          ) : (
            <EmptyState title={query.outcome ? "No deliveries with this outcome" : "No webhook deliveries yet"}>
              <p>
                HandCash calls your webhook URL when a reader pays. If readers have paid but nothing shows here, check the URL on the{" "}
                <Link href="/admin/settings">Settings</Link> page and the &quot;Refused&quot; tab.
              </p>
            </EmptyState>
          )
        ) : (
          <>
            <div className={ui.tableWrap}>
              <table className={ui.table}>
                <caption className={ui.visuallyHidden}>
                  {query.view === "orphans" ? "Unresolved orphan deliveries" : "Accepted webhook deliveries"}, newest first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Received</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Order</th>
                    <th scope="col">Payment request / transaction</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {accepted.rows.map((event) => (
                    <tr key={event.id}>
                      <td className={ui.nowrap}>
                        <TimeStamp date={event.receivedAt} />
                      </td>
                      <td>
                        <OutcomeBadge outcome={event.outcome} />
                        {event.resolvedAt ? (
                          <div className={ui.muted} style={{ fontSize: "0.8rem", marginTop: "0.25rem" }}>
                            resolved by {event.resolvedBy}
                          </div>
                        ) : null}
                      </td>
                      <td>
                        {event.orderId ? (
                          <Link href={`/admin/orders/${event.orderId}`} className={ui.mono} title={event.orderId}>
                            {shortId(event.orderId, 12)}
                          </Link>
                        ) : (
                          <span className={ui.muted}>none</span>
                        )}
                      </td>
                      <td className={ui.mono}>
                        {event.paymentRequestId}
                        <br />
                        <span className={ui.muted} title={event.transactionId}>
                          {shortId(event.transactionId, 16)}
                        </span>
                      </td>
                      <td style={{ minWidth: "16rem" }}>
                        {event.detail ? <p style={{ margin: "0 0 0.35rem" }}>{event.detail}</p> : null}
                        <details className={ui.details}>
                          <summary>Payload</summary>
                          <JsonBlock value={event.payload} label="Webhook payload (app secret removed)" />
                        </details>
                        {event.outcome === "ORPHAN" && !event.resolvedAt ? (
                          <details className={ui.details} style={{ marginTop: "0.5rem" }}>
                            <summary>Match to an order…</summary>
                            <div style={{ marginTop: "0.75rem" }}>
                              <MatchOrphanForm webhookEventId={event.id} />
                            </div>
                          </details>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              path={PATH}
              params={listParams}
              page={query.page}
              pageCount={accepted.pageCount}
              total={accepted.total}
              pageSize={WEBHOOK_INBOX_PAGE_SIZE}
              noun="deliveries"
            />
          </>
        )
      ) : null}

      {unlistedRejections > 0 ? (
        <p className={ui.hint} role="status" style={{ marginBottom: "0.75rem" }}>
          {unlistedRejections.toLocaleString("en")} more refused {unlistedRejections === 1 ? "delivery was" : "deliveries were"} counted in the last 24 hours
          but not listed: only the first {REJECTED_WEBHOOKS_KEPT_PER_MINUTE} of any minute are kept one by one, so a flood of forgeries cannot fill the
          database.
        </p>
      ) : null}
      {rejected ? (
        rejected.rows.length === 0 ? (
          <EmptyState title="No refused deliveries">
            <p>Requests to the webhook URL with a wrong or missing app secret, a malformed body or an oversized body would be listed here.</p>
          </EmptyState>
        ) : (
          <>
            <p className={ui.hint} style={{ marginBottom: "0.75rem" }}>
              Refused before authentication, so nothing was recorded or granted; the body is not kept. Many 401s from HandCash&apos;s addresses mean the app
              secret in your configuration differs from HandCash&apos;s.
            </p>
            <div className={ui.tableWrap}>
              <table className={ui.table}>
                <caption className={ui.visuallyHidden}>Refused webhook deliveries, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Received</th>
                    <th scope="col">Our answer</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Source IP</th>
                    <th scope="col">User agent</th>
                  </tr>
                </thead>
                <tbody>
                  {rejected.rows.map((row) => (
                    <tr key={row.id}>
                      <td className={ui.nowrap}>
                        <TimeStamp date={row.receivedAt} />
                      </td>
                      <td>
                        <OutcomeBadge outcome="REJECTED" /> {row.httpStatus}
                      </td>
                      <td>{row.reason}</td>
                      <td className={ui.mono}>{row.ip}</td>
                      <td className={ui.muted} style={{ fontSize: "0.85rem" }}>
                        {row.userAgent ?? "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              path={PATH}
              params={listParams}
              page={query.page}
              pageCount={rejected.pageCount}
              total={rejected.total}
              pageSize={WEBHOOK_INBOX_PAGE_SIZE}
              noun="refused deliveries"
            />
          </>
        )
      ) : null}
    </>
  );
}
