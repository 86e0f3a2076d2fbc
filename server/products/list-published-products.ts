import "server-only";
import { db } from "@/server/db";

/** The catalogue, newest first; never selects the premium body. */
export async function listPublishedProducts() {
  return db.product.findMany({
    where: { published: true },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, slug: true, title: true, summary: true, coverImageUrl: true, priceAmount: true, currency: true, publishedAt: true },
  });
}

export type PublishedProduct = Awaited<ReturnType<typeof listPublishedProducts>>[number];
