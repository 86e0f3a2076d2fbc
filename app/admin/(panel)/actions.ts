"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ADMIN_LOGIN_PATH, ADMIN_SESSION_COOKIE } from "@/lib/schemas/admin-auth";
import { ADMIN_SESSION_COOKIE_PATH } from "@/server/admin/admin-session-token";
import { deleteAdminSession } from "@/server/admin/delete-admin-session";
import { requireAdminSession } from "@/server/admin/require-admin-session";

/** Signs out: deletes the session row (the cookie is worthless from then on) and the cookie. */
export async function logOut(): Promise<void> {
  await requireAdminSession();
  const cookieStore = await cookies();
  await deleteAdminSession({ token: cookieStore.get(ADMIN_SESSION_COOKIE)?.value });
  cookieStore.delete({ name: ADMIN_SESSION_COOKIE, path: ADMIN_SESSION_COOKIE_PATH });
  redirect(ADMIN_LOGIN_PATH);
}
