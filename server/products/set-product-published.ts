import "server-only";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export interface SetProductPublishedOptions {
  productId: string;
  published: boolean;
  actorEmail: string;
}

/**
 * Publishes or unpublishes. Unpublishing hides the product from the catalogue and stops new
 * orders; readers who paid keep their access (the article page checks the entitlement).
 */
export async function setProductPublished({ productId, published, actorEmail }: SetProductPublishedOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.product.findUnique({ where: { id: productId }, select: { published: true, publishedAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "This product no longer exists.");
    if (before.published === published) return;
    await tx.product.update({ where: { id: productId }, data: { published, publishedAt: published && !before.publishedAt ? new Date() : before.publishedAt } });
    await recordAuditLog({ tx, actorEmail, action: published ? "product.publish" : "product.unpublish", targetType: "product", targetId: productId });
  });
}
