import { describe, expect, it } from "vitest";
import { clientIp, normaliseAddress, rateLimitSubjectOf, UNKNOWN_CLIENT } from "@/server/http/client-ip";

function request(forwardedFor?: string): { headers: Headers } {
  return { headers: new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }) };
}

describe("clientIp", () => {
  it("with no proxy, takes the peer address the server appended, whatever the client claimed before it", () => {
    expect(clientIp(request("203.0.113.7"))).toBe("203.0.113.7");
    expect(clientIp(request("10.0.0.1, 1.2.3.4, 198.51.100.9"))).toBe("198.51.100.9");
  });

  it("with trusted proxies, counts that many hops back from the peer", () => {
    expect(clientIp(request("10.0.0.1, 203.0.113.7, 192.0.2.10"), { trustedProxyHops: 1 })).toBe("203.0.113.7");
    expect(clientIp(request("10.0.0.1, 203.0.113.7, 192.0.2.10, 192.0.2.11"), { trustedProxyHops: 2 })).toBe("203.0.113.7");
    // Fewer hops than proxies: the request bypassed one, and the leftmost is all there is.
    expect(clientIp(request("192.0.2.10"), { trustedProxyHops: 1 })).toBe("192.0.2.10");
  });

  it("never answers with the header's text when the hop is not an address", () => {
    const long = "a".repeat(8_000);
    expect(clientIp(request(long))).toBe(UNKNOWN_CLIENT);
    expect(clientIp(request(`203.0.113.7, ${long}`))).toBe(UNKNOWN_CLIENT);
    expect(clientIp(request("203.0.113.7, <script>"))).toBe(UNKNOWN_CLIENT);
    expect(clientIp(request("203.0.113.7,"))).toBe(UNKNOWN_CLIENT);
    expect(clientIp(request(""))).toBe(UNKNOWN_CLIENT);
    expect(clientIp(request())).toBe(UNKNOWN_CLIENT);
  });

  it("does not fall back to X-Real-IP, which any client can send", () => {
    const headers = new Headers({ "x-real-ip": "203.0.113.50" });
    expect(clientIp({ headers })).toBe(UNKNOWN_CLIENT);
  });
});

describe("normaliseAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:8080", "203.0.113.7"],
    ["2001:DB8::1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::ffff:198.51.100.9", "198.51.100.9"],
    ["::1", "::1"],
  ])("%s → %s", (hop, expected) => {
    expect(normaliseAddress(hop)).toBe(expected);
  });

  it.each(["", "unknown", "203.0.113.256", "203.0.113", "2001:db8::1::2", "example.com", "1.2.3.4/24", `2001:db8::1${"0".repeat(50)}`, "1.2.3.4\u0000"])(
    "refuses %j",
    (hop) => {
      expect(normaliseAddress(hop)).toBeNull();
    },
  );
});

describe("rateLimitSubjectOf", () => {
  it("counts an IPv4 address on its own", () => {
    expect(rateLimitSubjectOf("203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts every address of one IPv6 /64 together, however it is written", () => {
    const subject = rateLimitSubjectOf("2001:db8:1:2::1");
    expect(subject).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubjectOf("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe(subject);
    expect(rateLimitSubjectOf("2001:db8:1:2:a:b:c:d")).toBe(subject);
    expect(rateLimitSubjectOf("2001:db8:1:3::1")).not.toBe(subject);
    expect(rateLimitSubjectOf("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitSubjectOf("64:ff9b::198.51.100.9")).toBe("64:ff9b:0:0::/64");
  });

  it("keeps the unknown client as one subject", () => {
    expect(rateLimitSubjectOf(UNKNOWN_CLIENT)).toBe(UNKNOWN_CLIENT);
  });
});
