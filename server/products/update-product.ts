import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ProductFields } from "@/lib/schemas/products";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { slugTakenError } from "@/server/products/slug-taken-error";

export interface UpdateProductOptions {
  productId: string;
  fields: ProductFields;
  actorEmail: string;
}

const AUDITED_FIELDS = ["title", "slug", "summary", "coverImageUrl", "preview", "body", "priceAmount", "currency", "published"] as const;

/**
 * Saves an edited product. Orders keep the price and title they were created with (the snapshot
 * on Order), so a new price only applies to orders started afterwards. The audit row lists which
 * fields changed, with old and new values for everything but the long texts.
 */
export async function updateProduct({ productId, fields, actorEmail }: UpdateProductOptions): Promise<{ id: string; slug: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.product.findUnique({ where: { id: productId } });
      if (!before) throw new AppError("NOT_FOUND", "This product no longer exists.");
      const changes: Record<string, { from: unknown; to: unknown } | "changed"> = {};
      for (const field of AUDITED_FIELDS) {
        if (before[field] === fields[field]) continue;
        changes[field] = field === "preview" || field === "body" ? "changed" : { from: before[field], to: fields[field] };
      }
      const product = await tx.product.update({
        where: { id: productId },
        data: { ...fields, publishedAt: fields.published && !before.publishedAt ? new Date() : before.publishedAt },
        select: { id: true, slug: true },
      });
      await recordAuditLog({
        tx,
        actorEmail,
        action: "product.update",
        targetType: "product",
        targetId: productId,
        detail: { changes } as Prisma.InputJsonValue,
      });
      return product;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw slugTakenError(fields.slug);
    throw error;
  }
}
