import "server-only";

/**
 * The client address for logs and rate limits: the last X-Forwarded-For hop, i.e. the one added by
 * the proxy nearest to us (or by Next itself when there is none). Earlier hops are whatever the
 * client claimed. Deploy behind a proxy that appends to X-Forwarded-For.
 */
export function clientIp(req: { headers: Headers }): string {
  const hops = req.headers.get("x-forwarded-for")?.split(",").map((hop) => hop.trim()).filter(Boolean) ?? [];
  return hops.at(-1) || req.headers.get("x-real-ip") || "unknown";
}
