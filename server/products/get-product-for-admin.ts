import "server-only";
import { db } from "@/server/db";

export interface GetProductForAdminOptions {
  productId: string;
}

/** One product with everything the editor shows, or null. */
export async function getProductForAdmin({ productId }: GetProductForAdminOptions) {
  return db.product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      coverImageUrl: true,
      preview: true,
      body: true,
      priceAmount: true,
      currency: true,
      published: true,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      _count: { select: { orders: true } },
    },
  });
}

export type AdminProduct = NonNullable<Awaited<ReturnType<typeof getProductForAdmin>>>;
