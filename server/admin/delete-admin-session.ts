import "server-only";
import { hashAdminSessionToken, isWellFormedAdminSessionToken } from "@/server/admin/admin-session-token";
import { db } from "@/server/db";

export interface DeleteAdminSessionOptions {
  token: string | null | undefined;
}

/** Signs out: the row goes, so the cookie is worthless even if a copy of it survives. */
export async function deleteAdminSession({ token }: DeleteAdminSessionOptions): Promise<void> {
  if (!isWellFormedAdminSessionToken(token)) return;
  await db.adminSession.deleteMany({ where: { tokenHash: hashAdminSessionToken(token) } });
}
