import { type NextRequest, NextResponse } from "next/server";
import { ADMIN_LOGIN_PATH, ADMIN_SESSION_COOKIE } from "@/lib/schemas/admin-auth";
import { buildPageSecurityHeaders, createNonce } from "@/server/security/security-headers";

/**
 * Every page: a fresh CSP nonce and the security headers (server/security/security-headers.ts).
 * Next reads the nonce from the policy on the request and puts it on its own scripts, so the
 * policy goes both on the request (for Next) and on the response (for the browser).
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const headers = buildPageSecurityHeaders({ nonce: createNonce(), pathname });
  const response = redirectToAdminLogin(request) ?? passWithPolicy(request, headers["content-security-policy"]!);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function passWithPolicy(request: NextRequest, policy: string): NextResponse {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

/**
 * Sends visitors without an admin cookie from admin pages to the sign-in page, before any
 * rendering. A convenience, not the gate: it cannot tell a valid cookie from a forged one, so
 * every admin page, action and route checks the session itself. Only page navigations are
 * redirected; route handlers answer 401 and server actions redirect on their own.
 */
function redirectToAdminLogin(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/admin" && !pathname.startsWith("/admin/")) return null;
  const isLoginPage = pathname === ADMIN_LOGIN_PATH || pathname === `${ADMIN_LOGIN_PATH}/`;
  const isPageNavigation = request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html");
  if (isLoginPage || !isPageNavigation || request.cookies.has(ADMIN_SESSION_COOKIE)) return null;
  const login = new URL(ADMIN_LOGIN_PATH, request.url);
  if (pathname !== "/admin") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

/**
 * Pages only. The API routes the app has (JSON, on the hot paths of polling and webhooks) and
 * Next's static files skip it; an unknown /api path still passes, because its 404 is a page.
 * Prefetches skip it too: they are not documents, and the navigation that follows gets the headers.
 */
export const config = {
  matcher: [
    {
      source: "/((?!api/(?:orders|products|health|ping|webhooks)(?:/|$)|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
