"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type ActionResult, type ActionState, parseFormData } from "@/lib/schemas/action-result";
import { ADMIN_SESSION_COOKIE, loginFormSchema, safeAdminReturnPath } from "@/lib/schemas/admin-auth";
import { validationFailure } from "@/server/admin/action-failure";
import { ADMIN_DEVICE_COOKIE, ADMIN_DEVICE_MAX_AGE_MS } from "@/server/admin/admin-device";
import { ADMIN_SESSION_COOKIE_PATH } from "@/server/admin/admin-session-token";
import { getRequestMeta } from "@/server/admin/get-request-meta";
import { logInAdmin } from "@/server/admin/log-in-admin";
import { env } from "@/server/env";

/** The one admin action open to visitors without a session: signing in. */
export async function logIn(_state: ActionState, formData: FormData): Promise<ActionResult> {
  const parsed = parseFormData(loginFormSchema, formData);
  if (!parsed.success) return validationFailure(parsed.error);
  const cookieStore = await cookies();
  const deviceToken = cookieStore.get(ADMIN_DEVICE_COOKIE)?.value ?? null;
  const result = await logInAdmin({ email: parsed.data.email, password: parsed.data.password, deviceToken, ...(await getRequestMeta()) });
  if (!result.ok) {
    if (result.reason === "throttled") {
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      return {
        ok: false,
        status: 429,
        fieldErrors: {},
        message: `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
      };
    }
    return { ok: false, status: 401, fieldErrors: {}, message: "That email and password do not match. Check both and try again." };
  }
  cookieStore.set(ADMIN_SESSION_COOKIE, result.token, {
    httpOnly: true,
    secure: env.isSecureOrigin,
    sameSite: "lax",
    path: ADMIN_SESSION_COOKIE_PATH,
    maxAge: Math.floor((result.expiresAt.getTime() - Date.now()) / 1000),
  });
  if (result.deviceToken) {
    cookieStore.set(ADMIN_DEVICE_COOKIE, result.deviceToken, {
      httpOnly: true,
      secure: env.isSecureOrigin,
      sameSite: "strict",
      path: ADMIN_SESSION_COOKIE_PATH,
      maxAge: Math.floor(ADMIN_DEVICE_MAX_AGE_MS / 1000),
    });
  }
  redirect(safeAdminReturnPath(parsed.data.next));
}
