import { type NextRequest, NextResponse } from "next/server";
import { ADMIN_LOGIN_PATH, ADMIN_SESSION_COOKIE } from "@/lib/schemas/admin-auth";

/**
 * Sends visitors without an admin cookie from admin pages to the sign-in page, before any
 * rendering. A convenience, not the gate: it cannot tell a valid cookie from a forged one, so
 * every admin page, action and route checks the session itself. Only page navigations are
 * redirected; route handlers answer 401 and server actions redirect on their own.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const isLoginPage = pathname === ADMIN_LOGIN_PATH || pathname === `${ADMIN_LOGIN_PATH}/`;
  const isPageNavigation = request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html");
  if (isLoginPage || !isPageNavigation || request.cookies.has(ADMIN_SESSION_COOKIE)) return NextResponse.next();
  const login = new URL(ADMIN_LOGIN_PATH, request.url);
  if (pathname !== "/admin") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

// Only the admin: the webhook, the API and the public site never pass through here.
export const config = { matcher: ["/admin/:path*"] };
