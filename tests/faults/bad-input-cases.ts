/**
 * The bad-input corpus: for every path segment, query parameter and header the app (or Next on its
 * behalf) reads, values a client can send that are not what a browser would. None may get a 5xx, and
 * none may leave an error-level line or a stack trace in the log (tests/faults/bad-input-corpus.test.ts).
 * `expectedStatus` is what docs/api.md and ADR 011 promise; `refusedAs` names the reason
 * scripts/lib/request-gate.ts logs when the gate answers before Next does.
 */
import type { RawRequest } from "./fault-driver";

export interface BadInputTargets {
  /** A published article. */
  slug: string;
  /** A pending order and the cookie of the reader who owns it. */
  orderId: string;
  readerCookie: string;
  /** A product that exists, for the admin's product page. */
  productId: string;
  /** A live owner session (`tg_admin=…`). */
  adminCookie: string;
  /** A server action id from this build's manifest. */
  actionId: string;
}

export interface BadInputCase {
  name: string;
  expectedStatus: number;
  refusedAs?:
    | "malformed_path_encoding"
    | "nul_in_url"
    | "malformed_router_state"
    | "malformed_server_action"
    | "unknown_server_action"
    | "cross_origin_server_action";
  build(targets: BadInputTargets): RawRequest;
}

const KIB = 1024;
const HTML = { accept: "text/html" };
const JSON_BODY = { "content-type": "application/json" };

function get(path: string, headers: Record<string, string> = {}): RawRequest {
  return { method: "GET", path, headers };
}

function postOrder(body: string, headers: Record<string, string> = JSON_BODY): RawRequest {
  return { method: "POST", path: "/api/orders", headers, body };
}

function admin(targets: BadInputTargets, path: string): RawRequest {
  return get(path, { ...HTML, cookie: targets.adminCookie });
}

function orderStatus(targets: BadInputTargets, suffix = "", path = `/api/orders/${targets.orderId}`): RawRequest {
  return get(`${path}${suffix}`, { cookie: targets.readerCookie });
}

const pathCases: BadInputCase[] = [
  ...["%E0%A4%A", "%zz", "%", "caf%C3"].map(
    (segment): BadInputCase => ({
      name: `article slug with malformed percent-encoding ${segment}`,
      expectedStatus: 400,
      refusedAs: "malformed_path_encoding",
      build: () => get(`/articles/${segment}`, HTML),
    }),
  ),
  {
    name: "order id with malformed percent-encoding",
    expectedStatus: 400,
    refusedAs: "malformed_path_encoding",
    build: (targets) => orderStatus(targets, "", "/api/orders/%C0"),
  },
  {
    name: "admin order id with malformed percent-encoding",
    expectedStatus: 400,
    refusedAs: "malformed_path_encoding",
    build: (targets) => admin(targets, "/admin/orders/%zz"),
  },
  {
    name: "admin product id with malformed percent-encoding",
    expectedStatus: 400,
    refusedAs: "malformed_path_encoding",
    build: (targets) => admin(targets, "/admin/products/%E0"),
  },
  {
    name: "webhook path with malformed percent-encoding",
    expectedStatus: 400,
    refusedAs: "malformed_path_encoding",
    build: () => ({ method: "POST", path: "/api/webhooks/handcash/%zz", headers: JSON_BODY, body: "{}" }),
  },
  { name: "article slug with a NUL", expectedStatus: 400, refusedAs: "nul_in_url", build: () => get("/articles/a%00b", HTML) },
  { name: "order id with a NUL", expectedStatus: 400, refusedAs: "nul_in_url", build: (targets) => orderStatus(targets, "%00") },
  { name: "admin order id with a NUL", expectedStatus: 400, refusedAs: "nul_in_url", build: (targets) => admin(targets, "/admin/orders/x%00") },
  {
    name: "admin product id with a NUL",
    expectedStatus: 400,
    refusedAs: "nul_in_url",
    build: (targets) => admin(targets, `/admin/products/${targets.productId}%00`),
  },
  { name: "article slug of 3,000 characters", expectedStatus: 404, build: () => get(`/articles/${"a".repeat(3_000)}`, HTML) },
  { name: "article slug that is not a slug (café)", expectedStatus: 404, build: () => get("/articles/caf%C3%A9", HTML) },
  { name: "article slug with upper case and dots", expectedStatus: 404, build: () => get("/articles/..%2F..%2FEtc", HTML) },
  { name: "order id of 3,000 characters", expectedStatus: 404, build: (targets) => orderStatus(targets, "", `/api/orders/${"c".repeat(3_000)}`) },
  { name: "admin order id that does not exist", expectedStatus: 404, build: (targets) => admin(targets, "/admin/orders/cm000000000000000000000000") },
  { name: "admin product id that does not exist", expectedStatus: 404, build: (targets) => admin(targets, "/admin/products/cm000000000000000000000000") },
];

/** Every query parameter a page or route reads, each with a NUL (refused) and with nonsense (ignored). */
const QUERY_PARAMETERS: Array<{ page: string; parameters: Record<string, string>; isSignedIn: boolean }> = [
  {
    page: "/admin/orders",
    isSignedIn: true,
    parameters: {
      status: "EVIL",
      product: "p".repeat(100),
      from: "2026-13-45",
      to: "yesterday",
      q: "q".repeat(300),
      sort: "password",
      dir: "sideways",
      page: "1e309",
    },
  },
  {
    page: "/admin/orders/export",
    isSignedIn: true,
    parameters: { status: "EVIL", product: "x", from: "0", to: "-1", q: '\'; DROP TABLE "Order"; --', sort: "x", dir: "x", page: "-5" },
  },
  { page: "/admin/webhooks", isSignedIn: true, parameters: { view: "secrets", outcome: "PAID", range: "forever", page: "abc" } },
  { page: "/admin/products", isSignedIn: true, parameters: { sort: "x", dir: "x", page: "0" } },
  // Signed out: a signed-in owner is sent from the sign-in page to the dashboard.
  { page: "/admin/login", isSignedIn: false, parameters: { next: "//evil.example" } },
];

const queryCases: BadInputCase[] = [
  {
    name: "order status transactionId with a NUL",
    expectedStatus: 400,
    refusedAs: "nul_in_url",
    build: (targets) => orderStatus(targets, "?transactionId=abc%00"),
  },
  {
    name: "order status transactionId of 5,000 characters",
    expectedStatus: 200,
    build: (targets) => orderStatus(targets, `?transactionId=${"t".repeat(5_000)}`),
  },
  { name: "order status transactionId with malformed percent-encoding", expectedStatus: 200, build: (targets) => orderStatus(targets, "?transactionId=%zz") },
  { name: "order status transactionId given twice", expectedStatus: 200, build: (targets) => orderStatus(targets, "?transactionId=a&transactionId=b") },
  {
    name: "product page created flag with a NUL",
    expectedStatus: 400,
    refusedAs: "nul_in_url",
    build: (targets) => admin(targets, `/admin/products/${targets.productId}?created=%00`),
  },
  {
    name: "product page created flag that is not 1",
    expectedStatus: 200,
    build: (targets) => admin(targets, `/admin/products/${targets.productId}?created=yes`),
  },
  { name: "login next of 3,000 characters", expectedStatus: 200, build: () => get(`/admin/login?next=/admin/${"n".repeat(3_000)}`, HTML) },
  { name: "a query parameter nobody reads, with malformed percent-encoding", expectedStatus: 200, build: () => get("/?utm=%zz", HTML) },
  ...QUERY_PARAMETERS.flatMap(({ page, parameters, isSignedIn }) => {
    const visit = (targets: BadInputTargets, query: string) => (isSignedIn ? admin(targets, `${page}?${query}`) : get(`${page}?${query}`, HTML));
    return Object.entries(parameters).flatMap(([name, nonsense]): BadInputCase[] => [
      { name: `${page} ${name} with a NUL`, expectedStatus: 400, refusedAs: "nul_in_url", build: (targets) => visit(targets, `${name}=x%00`) },
      {
        name: `${page} ${name} ${JSON.stringify(nonsense.slice(0, 30))}`,
        expectedStatus: 200,
        build: (targets) => visit(targets, `${new URLSearchParams({ [name]: nonsense })}`),
      },
    ]);
  }),
];

const ROUTER_STATES: Array<[string, string]> = [
  ["not JSON", "garbage"],
  ["truncated JSON", "%5B%22%22%2C%7B"],
  ["malformed percent-encoding", "%zz"],
  ["the wrong shape", encodeURIComponent(JSON.stringify([1, 2, 3]))],
  ["a tree with a number for a segment", encodeURIComponent(JSON.stringify([5, {}]))],
  ["of 15,000 characters", "x".repeat(15_000)],
];

const headerCases: BadInputCase[] = [
  ...ROUTER_STATES.flatMap(([label, value]): BadInputCase[] => [
    {
      name: `router state ${label}, on the home page`,
      expectedStatus: 400,
      refusedAs: "malformed_router_state",
      build: () => get("/", { rsc: "1", "next-router-state-tree": value }),
    },
    {
      name: `router state ${label}, on an article`,
      expectedStatus: 400,
      refusedAs: "malformed_router_state",
      build: (targets) => get(`/articles/${targets.slug}`, { rsc: "1", "next-router-state-tree": value }),
    },
    {
      name: `router state ${label}, on the admin`,
      expectedStatus: 400,
      refusedAs: "malformed_router_state",
      build: (targets) => get("/admin", { rsc: "1", cookie: targets.adminCookie, "next-router-state-tree": value }),
    },
  ]),
  // Node itself refuses headers over 16 KiB in all, before our gate or Next.
  {
    name: "router state over Node's 16 KiB of headers",
    expectedStatus: 431,
    build: () => get("/", { rsc: "1", "next-router-state-tree": "x".repeat(20 * KIB) }),
  },
  { name: "rsc header with a nonsense value", expectedStatus: 200, build: () => get("/", { rsc: "yes please" }) },
  // Next sends an RSC request whose cache-busting _rsc parameter does not match its headers to the right URL.
  { name: "router prefetch header with nonsense", expectedStatus: 307, build: () => get("/?_rsc=x", { rsc: "1", "next-router-prefetch": "%zz" }) },
  { name: "next-url header with malformed percent-encoding", expectedStatus: 307, build: () => get("/?_rsc=x", { rsc: "1", "next-url": "%zz" }) },
  {
    name: "server action id that is not an id",
    expectedStatus: 400,
    refusedAs: "malformed_server_action",
    build: () => ({ method: "POST", path: "/admin/login", headers: { "next-action": "xyz", "content-type": "text/plain" }, body: "[]" }),
  },
  {
    name: "server action id of 5,000 characters",
    expectedStatus: 400,
    refusedAs: "malformed_server_action",
    build: () => ({ method: "POST", path: "/admin/login", headers: { "next-action": "a".repeat(5_000) }, body: "[]" }),
  },
  {
    name: "server action id this build does not have",
    expectedStatus: 409,
    refusedAs: "unknown_server_action",
    build: () => ({ method: "POST", path: "/admin/login", headers: { "next-action": "f".repeat(42) }, body: "[]" }),
  },
  ...["https://evil.example", "null", "::"].map(
    (origin): BadInputCase => ({
      name: `server action posted with origin ${origin}`,
      expectedStatus: 403,
      refusedAs: "cross_origin_server_action",
      build: (targets) => ({
        method: "POST",
        path: "/admin/login",
        headers: { "next-action": targets.actionId, origin, "content-type": "text/plain" },
        body: "[]",
      }),
    }),
  ),
  {
    name: "reader cookie with malformed percent-encoding",
    expectedStatus: 404,
    build: (targets) => get(`/api/orders/${targets.orderId}`, { cookie: "tg_reader=%E0%A4%A" }),
  },
  { name: "reader cookie with a NUL", expectedStatus: 404, build: (targets) => get(`/api/orders/${targets.orderId}`, { cookie: "tg_reader=%00" }) },
  {
    name: "reader cookie of 8 KiB",
    expectedStatus: 404,
    build: (targets) => get(`/api/orders/${targets.orderId}`, { cookie: `tg_reader=${"r".repeat(8 * KIB)}` }),
  },
  {
    name: "reader cookie given twice, the real one last",
    expectedStatus: 404,
    build: (targets) => get(`/api/orders/${targets.orderId}`, { cookie: `tg_reader=forged; ${targets.readerCookie}` }),
  },
  { name: "admin cookie forged, on a page", expectedStatus: 307, build: () => get("/admin/orders", { ...HTML, cookie: `tg_admin=${"A".repeat(43)}` }) },
  { name: "admin cookie forged, on the export", expectedStatus: 401, build: () => get("/admin/orders/export", { cookie: "tg_admin=%zz" }) },
  {
    name: "admin device cookie forged, on the sign-in page",
    expectedStatus: 200,
    build: () => get("/admin/login", { ...HTML, cookie: "tg_admin_device=%00%00" }),
  },
  {
    name: "order body sent as text/plain",
    expectedStatus: 415,
    build: (targets) => postOrder(JSON.stringify({ productId: targets.productId }), { "content-type": "text/plain" }),
  },
  { name: "order body without a content type", expectedStatus: 415, build: (targets) => postOrder(JSON.stringify({ productId: targets.productId }), {}) },
  { name: "order body of 20 KiB", expectedStatus: 413, build: () => postOrder(JSON.stringify({ productId: "x", padding: "p".repeat(20 * KIB) })) },
  {
    name: "order body of 20 KiB, chunked",
    expectedStatus: 413,
    build: () => ({ ...postOrder(JSON.stringify({ productId: "x", padding: "p".repeat(20 * KIB) })), isChunked: true }),
  },
  { name: "order body that is not JSON", expectedStatus: 400, build: () => postOrder("productId=x") },
  { name: "order productId with a NUL", expectedStatus: 400, build: (targets) => postOrder(`{"productId":"${targets.productId}\\u0000"}`) },
  { name: "order productId with an unpaired surrogate", expectedStatus: 400, build: (targets) => postOrder(`{"productId":"${targets.productId}\\ud800"}`) },
  { name: "order productId of 10 KiB", expectedStatus: 400, build: () => postOrder(JSON.stringify({ productId: "p".repeat(10 * KIB) })) },
  {
    name: "order with X-Forwarded-For of 8 KiB",
    expectedStatus: 404,
    build: () => postOrder(JSON.stringify({ productId: "cm000000000000000000000000" }), { ...JSON_BODY, "x-forwarded-for": "f".repeat(8 * KIB) }),
  },
  {
    name: "order with X-Forwarded-For that is not an address",
    expectedStatus: 404,
    build: () => postOrder(JSON.stringify({ productId: "cm000000000000000000000000" }), { ...JSON_BODY, "x-forwarded-for": "<script>, ' OR 1=1" }),
  },
  { name: "page with a Host that is not a host", expectedStatus: 200, build: () => get("/", { ...HTML, host: "a b" }) },
  {
    name: "page with a nonsense X-Forwarded-Host and -Proto",
    expectedStatus: 200,
    build: () => get("/", { ...HTML, "x-forwarded-host": "[::1", "x-forwarded-proto": "gopher" }),
  },
  { name: "admin page with an Accept of 8 KiB", expectedStatus: 307, build: () => get("/admin/orders", { accept: `text/html,${"x".repeat(8 * KIB)}` }) },
  {
    name: "webhook with a User-Agent of 8 KiB",
    expectedStatus: 401,
    build: () => ({
      method: "POST",
      path: "/api/webhooks/handcash",
      headers: { ...JSON_BODY, "user-agent": "u".repeat(8 * KIB) },
      body: '{"appSecret":"wrong"}',
    }),
  },
];

export const BAD_INPUT_CASES: BadInputCase[] = [...pathCases, ...queryCases, ...headerCases];
