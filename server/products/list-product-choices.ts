import "server-only";
import { db } from "@/server/db";

/** Every product's id and title, for filter menus. */
export async function listProductChoices(): Promise<{ id: string; title: string }[]> {
  return db.product.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } });
}
