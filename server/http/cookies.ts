import "server-only";

export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export interface CookieOptions {
  maxAgeSeconds: number;
  isSecure: boolean;
}

/** HttpOnly and SameSite=Lax always: scripts cannot read it and cross-site POSTs do not carry it. */
export function serializeCookie(name: string, value: string, { maxAgeSeconds, isSecure }: CookieOptions): string {
  const attributes = [`${name}=${encodeURIComponent(value)}`, "Path=/", `Max-Age=${maxAgeSeconds}`, "HttpOnly", "SameSite=Lax"];
  if (isSecure) attributes.push("Secure");
  return attributes.join("; ");
}
