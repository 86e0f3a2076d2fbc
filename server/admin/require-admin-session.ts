import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { ADMIN_LOGIN_PATH, ADMIN_SESSION_COOKIE } from "@/lib/schemas/admin-auth";
import { type AdminSession, getAdminSession } from "@/server/admin/get-admin-session";
import { AppError } from "@/server/errors";
import { readCookie } from "@/server/http/cookies";

/** The session of the request being rendered (one lookup per request, however many callers). */
export const getCurrentAdminSession = cache(async (): Promise<AdminSession | null> => {
  return getAdminSession({ token: (await cookies()).get(ADMIN_SESSION_COOKIE)?.value });
});

/**
 * The first line of every admin page and server action: the owner's session, or a redirect to
 * the sign-in page. The proxy only turns away visitors without a cookie; this is the real check.
 */
export async function requireAdminSession(): Promise<AdminSession> {
  const session = await getCurrentAdminSession();
  if (!session) redirect(ADMIN_LOGIN_PATH);
  return session;
}

/** The same check for admin route handlers, which answer 401 JSON instead of redirecting. */
export async function requireAdminSessionForRequest(req: Request): Promise<AdminSession> {
  const session = await getAdminSession({ token: readCookie(req, ADMIN_SESSION_COOKIE) });
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to the admin first.");
  return session;
}
