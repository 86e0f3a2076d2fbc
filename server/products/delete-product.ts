import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export interface DeleteProductOptions {
  productId: string;
  actorEmail: string;
}

const HAS_ORDERS_MESSAGE = "This product has orders, so it cannot be deleted: their records must keep pointing at it. Unpublish it instead.";

/**
 * Deletes a product that nobody ever ordered. A product with orders is refused, including one
 * whose first order arrives while we delete (the foreign key stops it, reported the same way).
 */
export async function deleteProduct({ productId, actorEmail }: DeleteProductOptions): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const product = await tx.product.findUnique({
        where: { id: productId },
        select: { slug: true, title: true, _count: { select: { orders: true, entitlements: true } } },
      });
      if (!product) throw new AppError("NOT_FOUND", "This product no longer exists.");
      if (product._count.orders > 0 || product._count.entitlements > 0) throw new AppError("CONFLICT", HAS_ORDERS_MESSAGE);
      await tx.product.delete({ where: { id: productId } });
      await recordAuditLog({
        tx,
        actorEmail,
        action: "product.delete",
        targetType: "product",
        targetId: productId,
        detail: { slug: product.slug, title: product.title },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new AppError("CONFLICT", HAS_ORDERS_MESSAGE, { cause: error });
    throw error;
  }
}
