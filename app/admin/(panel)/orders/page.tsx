import type { Metadata } from "next";
import Link from "next/link";
import ui from "@/components/admin/admin-ui.module.css";
import { EmptyState } from "@/components/admin/empty-state";
import { shortId } from "@/components/admin/format";
import { Pagination } from "@/components/admin/pagination";
import { SortHeader } from "@/components/admin/sort-header";
import { OrderStatusBadge } from "@/components/admin/status-badge";
import { TimeStamp } from "@/components/admin/time-stamp";
import { formatMoney } from "@/lib/money";
import { ORDER_STATUS_LABELS, ORDER_STATUS_VALUES, orderFilterParams, orderListQuerySchema } from "@/lib/schemas/admin-orders";
import { firstValues, type RawSearchParams } from "@/lib/schemas/search-params";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { ADMIN_ORDERS_PAGE_SIZE, listOrdersForAdmin } from "@/server/orders/list-orders-for-admin";
import { listProductChoices } from "@/server/products/list-product-choices";

export const metadata: Metadata = { title: "Orders" };

interface OrdersPageProps {
  searchParams: Promise<RawSearchParams>;
}

const PATH = "/admin/orders";

export default async function OrdersPage({ searchParams }: OrdersPageProps) {
  await requireAdminSession();
  const query = orderListQuerySchema.parse(firstValues(await searchParams));
  const [{ rows, total, pageCount }, products] = await Promise.all([listOrdersForAdmin({ query }), listProductChoices()]);
  const filters = Object.fromEntries(orderFilterParams(query));
  const isFiltered = Object.keys(filters).length > 0;
  const params = { ...filters, sort: query.sort === "createdAt" ? undefined : query.sort, dir: query.dir === "desc" ? undefined : query.dir };
  const current = { sort: query.sort, dir: query.dir };
  const exportHref = `${PATH}/export?${new URLSearchParams({ ...filters, sort: query.sort, dir: query.dir })}`;

  return (
    <>
      <header className={ui.pageHeader}>
        <div>
          <h1 className={ui.pageTitle}>Orders</h1>
          <p className={ui.pageLead}>Every purchase attempt, paid or not. Open one to see its full history and to act on it.</p>
        </div>
        <a className={ui.buttonSecondary} href={exportHref} download>
          Export CSV{isFiltered ? " (filtered)" : ""}
        </a>
      </header>

      {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form is announced by every browser; <search> is only from 2023. */}
      <form className={ui.filters} method="get" action={PATH} role="search" aria-label="Filter orders">
        <div className={`${ui.field} ${ui.searchField}`}>
          <label className={ui.label} htmlFor="orders-q">
            Search
          </label>
          <input
            id="orders-q"
            name="q"
            type="search"
            className={ui.input}
            defaultValue={query.q ?? ""}
            placeholder="Order, payment request or transaction id, or paymail"
          />
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="orders-status">
            Status
          </label>
          <select id="orders-status" name="status" className={ui.select} defaultValue={query.status ?? ""}>
            <option value="">Any status</option>
            {ORDER_STATUS_VALUES.map((status) => (
              <option key={status} value={status}>
                {ORDER_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="orders-refund">
            Refunds
          </label>
          <select id="orders-refund" name="refund" className={ui.select} defaultValue={query.refund ?? ""}>
            <option value="">Any</option>
            <option value="due">Refund due</option>
          </select>
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="orders-product">
            Product
          </label>
          <select id="orders-product" name="product" className={ui.select} defaultValue={query.product ?? ""}>
            <option value="">Any product</option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.title}
              </option>
            ))}
          </select>
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="orders-from">
            Created from
          </label>
          <input id="orders-from" name="from" type="date" className={ui.input} defaultValue={query.from ?? ""} />
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="orders-to">
            Created to
          </label>
          <input id="orders-to" name="to" type="date" className={ui.input} defaultValue={query.to ?? ""} />
        </div>
        {query.sort !== "createdAt" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== "desc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <div className={ui.filterActions}>
          <button type="submit" className={ui.button}>
            Apply
          </button>
          {isFiltered ? (
            <Link className={ui.buttonSecondary} href={PATH}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {rows.length === 0 ? (
        isFiltered ? (
          <EmptyState title="No orders match these filters">
            <p>
              Widen the date range, pick another status, or <Link href={PATH}>clear the filters</Link>. Ids must be pasted whole.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No orders yet">
            <p>
              Orders appear here as soon as a reader clicks &quot;Unlock&quot; on an article. Make sure at least one product is{" "}
              <Link href="/admin/products">published</Link>.
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <div className={ui.tableWrap}>
            <table className={ui.table}>
              <caption className={ui.visuallyHidden}>Orders, sortable by column</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <SortHeader label="Created" sortKey="createdAt" current={current} path={PATH} params={params} firstDir="desc" />
                  <SortHeader label="Product" sortKey="product" current={current} path={PATH} params={params} />
                  <SortHeader label="Amount" sortKey="amount" current={current} path={PATH} params={params} firstDir="desc" isNumeric />
                  <SortHeader label="Status" sortKey="status" current={current} path={PATH} params={params} />
                  <SortHeader label="Paid" sortKey="paidAt" current={current} path={PATH} params={params} firstDir="desc" />
                  <th scope="col">Payer</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((order) => (
                  <tr key={order.id}>
                    <th scope="row" className={ui.nowrap}>
                      <Link href={`${PATH}/${order.id}`} className={ui.mono} title={order.id} aria-label={`Order ${order.id}`}>
                        {shortId(order.id, 12)}
                      </Link>
                    </th>
                    <td>
                      <TimeStamp date={order.createdAt} />
                    </td>
                    <td>{order.productTitle}</td>
                    <td className={ui.numeric}>{formatMoney({ amount: order.amount, currency: order.currency })}</td>
                    <td>
                      <OrderStatusBadge status={order.status} />
                      {order.refundReason && !order.refundedAt ? (
                        <>
                          {" "}
                          <span className={`${ui.badge} ${ui.badgeBad}`}>Refund due</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <TimeStamp date={order.paidAt} />
                    </td>
                    <td className={ui.breakAnywhere}>{order.payments[0]?.payerPaymail ?? <span className={ui.muted}>—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination path={PATH} params={params} page={query.page} pageCount={pageCount} total={total} pageSize={ADMIN_ORDERS_PAGE_SIZE} noun="orders" />
        </>
      )}
    </>
  );
}
