import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, buildPageSecurityHeaders, createNonce, FRAME_RULES, frameAncestorsFor } from "@/server/security/security-headers";

function directivesOf(policy: string): Map<string, string> {
  return new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive.slice(directive.indexOf(" ") + 1)]));
}

describe("page security headers", () => {
  it("lets scripts run only with this response's nonce, never inline or from eval", () => {
    const directives = directivesOf(buildContentSecurityPolicy({ nonce: "n0nce", pathname: "/", isSecureOrigin: true, isDevelopment: false }));
    expect(directives.get("script-src")).toBe("'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(directives.get("style-src")).toBe("'self' 'nonce-n0nce'");
    expect(directives.get("default-src")).toBe("'self'");
    expect(directives.get("object-src")).toBe("'none'");
    expect(directives.get("base-uri")).toBe("'none'");
    expect(directives.get("form-action")).toBe("'self'");
    expect(directives.get("connect-src")).toBe("'self'");
    expect(directives.get("img-src")).toBe("'self' data: blob: https:");
    expect(directives.has("upgrade-insecure-requests")).toBe(true);
    expect([...directives.values()].join(" ")).not.toMatch(/unsafe-eval|'unsafe-inline'.*script/);
  });

  it("allows next dev its eval and inline styles, and only there", () => {
    const directives = directivesOf(buildContentSecurityPolicy({ nonce: "n", pathname: "/", isSecureOrigin: false, isDevelopment: true }));
    expect(directives.get("script-src")).toContain("'unsafe-eval'");
    expect(directives.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(directives.get("img-src")).toBe("'self' data: blob: https: http:");
    expect(directives.has("upgrade-insecure-requests")).toBe(false);
  });

  it("refuses every frame by default, with both the CSP directive and X-Frame-Options", () => {
    expect(FRAME_RULES).toEqual([]);
    for (const pathname of ["/", "/articles/pay-per-word", "/admin", "/admin/login", "/embed/x"]) {
      const headers = buildPageSecurityHeaders({ nonce: "n", pathname, isSecureOrigin: true });
      expect(directivesOf(headers["content-security-policy"]!).get("frame-ancestors")).toBe("'none'");
      expect(headers["x-frame-options"]).toBe("DENY");
    }
  });

  it("opens framing only under a rule's own path, to the rule's origins only", () => {
    const rules = [{ pathPrefix: "/embed", frameAncestors: ["https://shop.example.com"] }];
    expect(frameAncestorsFor("/embed", rules)).toEqual(["https://shop.example.com"]);
    expect(frameAncestorsFor("/embed/article", rules)).toEqual(["https://shop.example.com"]);
    expect(frameAncestorsFor("/embedded", rules)).toEqual(["'none'"]);
    expect(frameAncestorsFor("/articles/x", rules)).toEqual(["'none'"]);
  });

  it("sends HSTS and Permissions-Policy with every page, HSTS only when the site is https", () => {
    const secure = buildPageSecurityHeaders({ nonce: "n", pathname: "/", isSecureOrigin: true });
    expect(secure["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(secure["permissions-policy"]).toMatch(/camera=\(\), .*geolocation=\(\), .*microphone=\(\), .*payment=\(\)/);
    const plain = buildPageSecurityHeaders({ nonce: "n", pathname: "/", isSecureOrigin: false });
    expect(plain["strict-transport-security"]).toBeUndefined();
    expect(plain["permissions-policy"]).toBe(secure["permissions-policy"]);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
