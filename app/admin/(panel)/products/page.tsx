import type { Metadata } from "next";
import Link from "next/link";
import ui from "@/components/admin/admin-ui.module.css";
import { EmptyState } from "@/components/admin/empty-state";
import { Pagination } from "@/components/admin/pagination";
import { SortHeader } from "@/components/admin/sort-header";
import { PublishedBadge } from "@/components/admin/status-badge";
import { TimeStamp } from "@/components/admin/time-stamp";
import { formatMoney } from "@/lib/money";
import { articlePath } from "@/lib/routes";
import { productListQuerySchema } from "@/lib/schemas/products";
import { firstValues, type RawSearchParams } from "@/lib/schemas/search-params";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { ADMIN_PRODUCTS_PAGE_SIZE, listProductsForAdmin } from "@/server/products/list-products-for-admin";
import { PublishToggle } from "./publish-toggle";

export const metadata: Metadata = { title: "Products" };

interface ProductsPageProps {
  searchParams: Promise<RawSearchParams>;
}

const PATH = "/admin/products";

export default async function ProductsPage({ searchParams }: ProductsPageProps) {
  await requireAdminSession();
  const raw = firstValues(await searchParams);
  const query = productListQuerySchema.parse(raw);
  const { rows, total, pageCount } = await listProductsForAdmin({ query });
  const params = { sort: query.sort === "updatedAt" ? undefined : query.sort, dir: query.dir === "desc" ? undefined : query.dir };
  const current = { sort: query.sort, dir: query.dir };

  return (
    <>
      <header className={ui.pageHeader}>
        <div>
          <h1 className={ui.pageTitle}>Products</h1>
          <p className={ui.pageLead}>What you sell: each product is an article with a free preview and a paid remainder.</p>
        </div>
        <Link className={ui.button} href="/admin/products/new">
          New product
        </Link>
      </header>
      {raw.deleted ? (
        <p className={ui.notice} role="status">
          The product was deleted.
        </p>
      ) : null}

      {total === 0 ? (
        <EmptyState title="No products yet">
          <p>
            Create your first product: give it a title, a preview, the premium text and a price. <Link href="/admin/products/new">Create a product</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <div className={ui.tableWrap}>
            <table className={ui.table}>
              <caption className={ui.visuallyHidden}>Products, sortable by column</caption>
              <thead>
                <tr>
                  <SortHeader label="Title" sortKey="title" current={current} path={PATH} params={params} />
                  <th scope="col">Status</th>
                  <SortHeader label="Price" sortKey="price" current={current} path={PATH} params={params} firstDir="desc" isNumeric />
                  <SortHeader label="Orders" sortKey="orders" current={current} path={PATH} params={params} firstDir="desc" isNumeric />
                  <SortHeader label="Updated" sortKey="updatedAt" current={current} path={PATH} params={params} firstDir="desc" />
                  <th scope="col">
                    <span className={ui.visuallyHidden}>Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((product) => (
                  <tr key={product.id}>
                    <th scope="row">
                      <Link href={`/admin/products/${product.id}`}>{product.title}</Link>
                      <br />
                      <span className={`${ui.muted} ${ui.mono}`}>/{product.slug}</span>
                    </th>
                    <td>
                      <PublishedBadge published={product.published} />
                    </td>
                    <td className={ui.numeric}>{formatMoney({ amount: product.priceAmount, currency: product.currency })}</td>
                    <td className={ui.numeric}>
                      {product.orderCount > 0 ? (
                        <Link href={`/admin/orders?product=${encodeURIComponent(product.id)}`}>
                          {product.paidOrderCount} paid / {product.orderCount}
                        </Link>
                      ) : (
                        <span className={ui.muted}>none</span>
                      )}
                    </td>
                    <td className={ui.nowrap}>
                      <TimeStamp date={product.updatedAt} />
                    </td>
                    <td className={ui.nowrap}>
                      <span style={{ display: "inline-flex", gap: "0.5rem", alignItems: "center" }}>
                        {product.published ? (
                          <a className={ui.buttonSecondary} href={articlePath(product.slug)} target="_blank" rel="noreferrer">
                            View<span className={ui.visuallyHidden}> {product.title} on the site (new tab)</span>
                          </a>
                        ) : null}
                        <PublishToggle productId={product.id} published={product.published} title={product.title} />
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination path={PATH} params={params} page={query.page} pageCount={pageCount} total={total} pageSize={ADMIN_PRODUCTS_PAGE_SIZE} noun="products" />
        </>
      )}
    </>
  );
}
