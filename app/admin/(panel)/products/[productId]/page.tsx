import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import ui from "@/components/admin/admin-ui.module.css";
import { PublishedBadge } from "@/components/admin/status-badge";
import { TimeStamp } from "@/components/admin/time-stamp";
import { MINOR_UNIT_DIGITS, type Money } from "@/lib/money";
import { articlePath } from "@/lib/routes";
import { firstValues, type RawSearchParams } from "@/lib/schemas/search-params";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { getProductForAdmin } from "@/server/products/get-product-for-admin";
import { updateProduct } from "../actions";
import { ProductForm } from "../product-form";
import { ProductDangerZone } from "./product-danger-zone";

export const metadata: Metadata = { title: "Edit product" };

interface EditProductPageProps {
  params: Promise<{ productId: string }>;
  searchParams: Promise<RawSearchParams>;
}

/** "2.50" for 250 USD cents, "0.0005" for 50000 satoshis: what the owner would type. */
function toPriceInput({ amount, currency }: Money): string {
  const text = (amount / 10 ** MINOR_UNIT_DIGITS[currency]).toFixed(MINOR_UNIT_DIGITS[currency]);
  return currency === "BSV" ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

export default async function EditProductPage({ params, searchParams }: EditProductPageProps) {
  await requireAdminSession();
  const { productId } = await params;
  const product = await getProductForAdmin({ productId });
  if (!product) notFound();
  const isCreated = firstValues(await searchParams).created === "1";

  return (
    <>
      <header className={ui.pageHeader}>
        <div>
          <p className={ui.hint}>
            <Link href="/admin/products">← Products</Link>
          </p>
          <h1 className={ui.pageTitle}>{product.title}</h1>
          <p className={ui.pageLead}>
            <PublishedBadge published={product.published} /> · updated <TimeStamp date={product.updatedAt} /> ·{" "}
            {product._count.orders > 0 ? (
              <Link href={`/admin/orders?product=${encodeURIComponent(product.id)}`}>{product._count.orders} orders</Link>
            ) : (
              "no orders yet"
            )}
          </p>
        </div>
        {product.published ? (
          <a className={ui.buttonSecondary} href={articlePath(product.slug)} target="_blank" rel="noreferrer">
            View on the site<span className={ui.visuallyHidden}> (opens in a new tab)</span>
          </a>
        ) : null}
      </header>
      {isCreated ? (
        <p className={ui.notice} role="status">
          Product created{product.published ? " and published" : " as a draft"}.
        </p>
      ) : null}
      <ProductForm
        action={updateProduct}
        productId={product.id}
        submitLabel="Save changes"
        initialValues={{
          title: product.title,
          slug: product.slug,
          summary: product.summary,
          coverImageUrl: product.coverImageUrl ?? "",
          preview: product.preview,
          body: product.body,
          price: toPriceInput({ amount: product.priceAmount, currency: product.currency }),
          currency: product.currency,
          published: product.published,
        }}
      />
      <ProductDangerZone productId={product.id} title={product.title} published={product.published} orderCount={product._count.orders} />
    </>
  );
}
