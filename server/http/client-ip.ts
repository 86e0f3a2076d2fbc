import "server-only";
import net from "node:net";
import { env } from "@/server/env";

/** What clientIp answers when the hop it must read is not an IP address (a misconfigured proxy). */
export const UNKNOWN_CLIENT = "unknown";

/** The longest textual IP address: IPv6 with an IPv4 tail (45 characters). */
const MAX_ADDRESS_LENGTH = 45;

/**
 * The client address for logs, stored records and rate limits. The app is served by
 * scripts/serve-app.ts, which appends the address of the connected peer to X-Forwarded-For the way
 * a proxy does, so the last hop is always the one that connected to us; with TRUSTED_PROXY_HOPS
 * reverse proxies in front (each appending its own peer), the client is that many hops further
 * left. Hops further left still are whatever the client claimed and are never read. The hop must
 * parse as an IP address (net.isIP), so a header value never becomes a key or a stored value as sent.
 */
export function clientIp(req: { headers: Headers }, { trustedProxyHops = env.TRUSTED_PROXY_HOPS } = {}): string {
  const header = req.headers.get("x-forwarded-for");
  if (!header) return UNKNOWN_CLIENT;
  const hops = header.split(",");
  // Fewer hops than configured: the request did not come through every proxy; the leftmost is the best left.
  const hop = hops[Math.max(0, hops.length - 1 - trustedProxyHops)] ?? "";
  return normaliseAddress(hop) ?? UNKNOWN_CLIENT;
}

/**
 * One hop as an address: brackets and a port removed ("[2001:db8::1]:443", "192.0.2.1:8080"), IPv6
 * lower-cased and without a zone, IPv4-mapped IPv6 ("::ffff:192.0.2.1") as IPv4; null if not an address.
 */
export function normaliseAddress(hop: string): string | null {
  let address = hop.trim();
  const bracketed = /^\[([^\]]*)\](?::\d{1,5})?$/.exec(address);
  if (bracketed) address = bracketed[1] ?? "";
  else if (/^[\d.]+:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "").toLowerCase();
  if (address.length > MAX_ADDRESS_LENGTH) return null;
  const version = net.isIP(address);
  if (version === 0) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  return mapped ? (mapped[1] ?? null) : address;
}

/**
 * What a per-address limit counts: the address itself for IPv4, its /64 network for IPv6, where
 * one subscriber usually holds a whole /64 and could otherwise take a fresh address per request.
 */
export function rateLimitSubjectOf(ip: string): string {
  if (net.isIPv6(ip)) return `${expandIPv6(ip).slice(0, 4).join(":")}::/64`;
  return ip;
}

/** The eight groups of an IPv6 address, "::" and an IPv4 tail expanded, without leading zeros. */
function expandIPv6(address: string): string[] {
  const groupsOf = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!group.includes(".")) return [group];
          const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const [head = "", tail] = address.split("::");
  const headGroups = groupsOf(head);
  const tailGroups = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array.from({ length: 8 - headGroups.length - tailGroups.length }, () => "0");
  return [...headGroups, ...zeros, ...tailGroups].map((group) => parseInt(group, 16).toString(16));
}
