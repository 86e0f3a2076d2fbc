import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ProductFields } from "@/lib/schemas/products";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { db } from "@/server/db";
import { slugTakenError } from "@/server/products/slug-taken-error";

export interface CreateProductOptions {
  fields: ProductFields;
  actorEmail: string;
}

/** Creates a product and its audit row together; a taken slug is reported against the slug field. */
export async function createProduct({ fields, actorEmail }: CreateProductOptions): Promise<{ id: string; slug: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const product = await tx.product.create({
        data: { ...fields, publishedAt: fields.published ? new Date() : null },
        select: { id: true, slug: true },
      });
      await recordAuditLog({
        tx,
        actorEmail,
        action: "product.create",
        targetType: "product",
        targetId: product.id,
        detail: { slug: fields.slug, title: fields.title, priceAmount: fields.priceAmount, currency: fields.currency, published: fields.published },
      });
      return product;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw slugTakenError(fields.slug);
    throw error;
  }
}
