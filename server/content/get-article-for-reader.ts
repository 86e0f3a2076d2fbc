import "server-only";
import type { CreatedOrder } from "@/lib/schemas/orders";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/schemas/products";
import { db } from "@/server/db";
import { hasEntitlement } from "@/server/fulfilment/has-entitlement";
import { PENDING_ORDER_SELECT, toCreatedOrder } from "@/server/orders/order-views";

export interface ArticleForReader {
  product: {
    id: string;
    slug: string;
    title: string;
    summary: string;
    coverImageUrl: string | null;
    preview: string;
    priceAmount: number;
    currency: CreatedOrder["price"]["currency"];
    publishedAt: Date | null;
  };
  /** The premium body, present only when the reader holds an entitlement. */
  premiumBody: string | null;
  /** The reader's unexpired pending order, so a returning reader sees the payment in progress. */
  pendingOrder: CreatedOrder | null;
}

/**
 * The one gate between premium content and a page: the body is read from the database only
 * after the entitlement check, so a locked page cannot carry it by mistake.
 */
export async function getArticleForReader({ slug, readerId }: { slug: string; readerId: string | null }): Promise<ArticleForReader | null> {
  // A slug no product can have is not looked up: the URL is the reader's to mistype (a NUL would fail the query).
  if (slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(slug)) return null;
  const product = await db.product.findFirst({
    where: { slug, published: true },
    select: { id: true, slug: true, title: true, summary: true, coverImageUrl: true, preview: true, priceAmount: true, currency: true, publishedAt: true },
  });
  if (!product) return null;

  // Pending order first, entitlement second: a payment committed between the two reads then
  // shows as unlocked; in the other order the reader could see neither and be offered to pay again.
  const pending = readerId
    ? await db.order.findFirst({
        where: { readerId, productId: product.id, status: "PENDING", paymentRequestId: { not: null }, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "desc" },
        select: PENDING_ORDER_SELECT,
      })
    : null;

  if (await hasEntitlement({ readerId, productId: product.id })) {
    const { body } = await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { body: true } });
    return { product, premiumBody: body, pendingOrder: null };
  }

  return { product, premiumBody: null, pendingOrder: pending ? toCreatedOrder(pending) : null };
}
