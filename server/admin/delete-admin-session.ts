import "server-only";
import { db } from "@/server/db";
import { hashBearerToken } from "@/server/security/bearer-token";

export interface DeleteAdminSessionOptions {
  token: string | null | undefined;
}

/** Signs out: the row goes, so the cookie is worthless even if a copy of it survives. */
export async function deleteAdminSession({ token }: DeleteAdminSessionOptions): Promise<void> {
  const tokenHash = hashBearerToken(token);
  if (tokenHash) await db.adminSession.deleteMany({ where: { tokenHash } });
}
