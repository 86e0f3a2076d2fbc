import "server-only";
import { db } from "@/server/db";

export async function hasEntitlement({ readerId, productId }: { readerId: string | null; productId: string }): Promise<boolean> {
  if (!readerId) return false;
  const entitlement = await db.entitlement.findUnique({ where: { readerId_productId: { readerId, productId } }, select: { id: true } });
  return entitlement !== null;
}
