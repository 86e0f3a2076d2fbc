import "server-only";
import { env } from "@/server/env";

/**
 * Who may put which pages in a frame. Default deny: a page no rule names may not be framed
 * anywhere (`frame-ancestors 'none'` and `X-Frame-Options: DENY`). A surface meant to be embedded
 * (an article widget on another site, a point-of-sale screen) adds one rule here for its own path
 * prefix and the origins that embed it, and nothing else opens (ADR 011).
 */
export interface FrameRule {
  /** A path and everything below it, e.g. "/embed". */
  pathPrefix: string;
  /** CSP source expressions, e.g. ["https://shop.example.com"]; never "*". */
  frameAncestors: readonly string[];
}

export const FRAME_RULES: readonly FrameRule[] = [];

/** Powerful features no page of ours uses, refused to the page and anything it embeds. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** Two years: browsers remember to use https only; subdomains of this host included. */
const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export interface PageSecurityHeadersOptions {
  /** Fresh for every response: the only way a script may run is by carrying it. */
  nonce: string;
  pathname: string;
  /** APP_URL is https: HSTS, and no plain-http images. */
  isSecureOrigin?: boolean;
  /** next dev needs eval and inline styles. */
  isDevelopment?: boolean;
}

/** A fresh nonce: 16 random bytes, base64. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The frame-ancestors sources for a path: the first rule whose prefix covers it, else 'none'. */
export function frameAncestorsFor(pathname: string, rules: readonly FrameRule[] = FRAME_RULES): readonly string[] {
  const rule = rules.find(({ pathPrefix }) => pathname === pathPrefix || pathname.startsWith(`${pathPrefix}/`));
  return rule ? rule.frameAncestors : ["'none'"];
}

/**
 * The Content-Security-Policy of a page. Scripts run only with the nonce (Next puts it on its own
 * scripts when it finds it in the request's policy) or when loaded by such a script
 * ('strict-dynamic'); no inline script or event handler otherwise. Style attributes are allowed
 * (style-src-attr): React renders `style={…}` as attributes and they cannot run code. Images may
 * come from anywhere over https, because owners paste cover image URLs and HandCash serves the QR
 * code; over http too when the site itself is served over http (development, tests).
 */
export function buildContentSecurityPolicy({
  nonce,
  pathname,
  isSecureOrigin = env.isSecureOrigin,
  isDevelopment = env.NODE_ENV === "development",
}: PageSecurityHeadersOptions): string {
  const directives = [
    "default-src 'self'",
    // next dev evaluates code for its error overlay and injects styles for hot reloading.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${isDevelopment ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob: https:${isSecureOrigin ? "" : " http:"}`,
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "worker-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestorsFor(pathname).join(" ")}`,
    ...(isSecureOrigin ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Every header a page is sent with besides the policy Next reads: framing, features, transport. */
export function buildPageSecurityHeaders(options: PageSecurityHeadersOptions): Record<string, string> {
  const { pathname, isSecureOrigin = env.isSecureOrigin } = options;
  const frameAncestors = frameAncestorsFor(pathname);
  return {
    "content-security-policy": buildContentSecurityPolicy(options),
    // X-Frame-Options cannot name origins: DENY where nothing may frame, left to frame-ancestors otherwise.
    ...(frameAncestors.includes("'none'") ? { "x-frame-options": "DENY" } : {}),
    "permissions-policy": PERMISSIONS_POLICY,
    ...(isSecureOrigin ? { "strict-transport-security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}
