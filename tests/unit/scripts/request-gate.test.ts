import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { appendPeerAddress, findRequestFault, type GatedRequest } from "../../../scripts/lib/request-gate";

const ACTION_ID = `00${"ab".repeat(20)}`;
const KNOWN_ACTIONS = new Set([ACTION_ID]);

function faultOf(request: Partial<GatedRequest> & { headers?: IncomingHttpHeaders }) {
  return findRequestFault({ method: "GET", url: "/", ...request, headers: { host: "news.example.com", ...request.headers } }, KNOWN_ACTIONS);
}

/** A router state Next's own client sends for the home page. */
const VALID_ROUTER_STATE = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null]));

describe("appendPeerAddress", () => {
  it("appends the connected peer after whatever the client sent, or starts the header", () => {
    const claimed: IncomingHttpHeaders = { "x-forwarded-for": "203.0.113.9" };
    appendPeerAddress(claimed, "198.51.100.1");
    expect(claimed["x-forwarded-for"]).toBe("203.0.113.9, 198.51.100.1");
    const bare: IncomingHttpHeaders = {};
    appendPeerAddress(bare, "::1");
    expect(bare["x-forwarded-for"]).toBe("::1");
  });
});

describe("findRequestFault", () => {
  it("lets ordinary requests through", () => {
    expect(faultOf({ url: "/articles/pay-per-word?transactionId=abc" })).toBeNull();
    expect(faultOf({ url: "/articles/caf%C3%A9" })).toBeNull();
    expect(faultOf({ url: "/?q=%zz" })).toBeNull();
    expect(faultOf({ url: "/", headers: { rsc: "1", "next-router-state-tree": VALID_ROUTER_STATE } })).toBeNull();
    expect(faultOf({ method: "POST", url: "/admin/login", headers: { "next-action": ACTION_ID, origin: "https://news.example.com" } })).toBeNull();
    expect(faultOf({ method: "POST", url: "/admin/login", headers: { "next-action": ACTION_ID } })).toBeNull();
  });

  it.each(["/articles/%E0%A4%A", "/articles/%zz", "/%", "/api/orders/%C0"])("refuses malformed percent-encoding in the path %s", (url) => {
    expect(faultOf({ url })).toMatchObject({ status: 400, reason: "malformed_path_encoding" });
  });

  it.each(["/articles/a%00b", "/api/orders/x?transactionId=%00", "/admin/orders?q=a%00", "/?x=%00"])("refuses NUL in %s", (url) => {
    expect(faultOf({ url })).toMatchObject({ status: 400, reason: "nul_in_url" });
  });

  it.each([
    ["not JSON", "garbage"],
    ["truncated JSON", "%7B%22a"],
    ["malformed percent-encoding", "%zz"],
    ["the wrong shape", encodeURIComponent("[1,2,3]")],
    ["over Next's 40,000 characters", "x".repeat(40_001)],
  ])("refuses a router-state header that is %s", (_label, value) => {
    expect(faultOf({ headers: { rsc: "1", "next-router-state-tree": value } })).toMatchObject({ status: 400, reason: "malformed_router_state" });
  });

  it("answers server actions Next does not know as Next does, with its marker header for the client router", () => {
    expect(faultOf({ method: "POST", headers: { "next-action": "xyz" } })).toMatchObject({ status: 400, reason: "malformed_server_action" });
    expect(faultOf({ method: "POST", headers: { "next-action": "f".repeat(42) } })).toMatchObject({
      status: 409,
      reason: "unknown_server_action",
      headers: { "x-nextjs-action-not-found": "1" },
    });
    // A GET is never an action: Next ignores the header.
    expect(faultOf({ method: "GET", headers: { "next-action": "xyz" } })).toBeNull();
  });

  it.each([
    ["another site", "https://evil.example"],
    ["a sandboxed document", "null"],
    ["nothing parseable", "::"],
  ])("refuses a server action posted from %s", (_label, origin) => {
    expect(faultOf({ method: "POST", headers: { "next-action": ACTION_ID, origin } })).toMatchObject({ status: 403, reason: "cross_origin_server_action" });
  });

  it("compares the origin with the forwarded host when a proxy sets one, as Next does", () => {
    const headers = { "next-action": ACTION_ID, origin: "https://news.example.com", host: "127.0.0.1:3000", "x-forwarded-host": "news.example.com" };
    expect(faultOf({ method: "POST", headers })).toBeNull();
  });
});
