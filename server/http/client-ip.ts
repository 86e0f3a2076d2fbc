import "server-only";

/** Best-effort client address for logs and rate limits; behind a proxy, its first X-Forwarded-For hop. */
export function clientIp(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip") || "unknown";
}
