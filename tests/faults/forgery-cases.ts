/**
 * The forgery corpus: requests that must never record a payment, grant access or mark an order
 * paid. Each case is built against real orders (`ForgeryTargets`), so a forgery that got through
 * would have something to pay; `expectedStatus` is what docs/api.md promises for it.
 */
import { TEST_HANDCASH_APP_SECRET as SECRET } from "../setup/test-config";
import type { ApiOrder, RawRequest } from "./fault-driver";

export interface ForgeryTargets {
  /** Paid in HandCash (the emulator), its webhook lost: a forgery naming it has a real payment to claim. */
  paid: ApiOrder & { transactionId: string };
  /** Pending orders nobody paid. */
  pending: [ApiOrder, ApiOrder, ApiOrder];
}

/** A request to the webhook (fault-driver's RawRequest without its path). */
export interface ForgeryRequest extends Omit<RawRequest, "path"> {
  /** Appended to the webhook path: a query string or a trailing slash. */
  pathSuffix?: string;
}

export interface ForgeryCase {
  name: string;
  expectedStatus: number;
  build(targets: ForgeryTargets): ForgeryRequest;
}

const KIB = 1024;
const JSON_HEADERS = { "content-type": "application/json" };
const MADE_UP_TRANSACTION_ID = `${"f".repeat(63)}0`;

function post(body: string | Buffer, headers: Record<string, string> = JSON_HEADERS): ForgeryRequest {
  return { method: "POST", headers, body };
}

/** The genuine body for the paid order, with HandCash's own transaction: only `changes` make it a forgery. */
function buildRealPayment({ paid }: ForgeryTargets, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appSecret: SECRET,
    paymentRequestId: paid.paymentRequestId,
    transactionId: paid.transactionId,
    customParameters: { orderId: paid.orderId },
    userData: { id: "65f0a1b2c3d4e5f6a7b8c901", paymail: "alice@handcash.io", email: "alice@handcash.io" },
    paymentMethod: "onChain",
    ...changes,
  };
}

/** A genuine secret for a pending order, claiming a transaction HandCash never saw. */
function buildUnconfirmedClaim({ pending }: ForgeryTargets, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const [order] = pending;
  return {
    appSecret: SECRET,
    paymentRequestId: order.paymentRequestId,
    transactionId: MADE_UP_TRANSACTION_ID,
    customParameters: { orderId: order.orderId },
    userData: { id: "attacker" },
    ...changes,
  };
}

function removeSecret(body: Record<string, unknown>): Record<string, unknown> {
  const { appSecret: _removed, ...rest } = body;
  return rest;
}

function changeCharAt(text: string, index: number): string {
  const code = text.charCodeAt(index);
  return text.slice(0, index) + String.fromCharCode(code === 126 ? 33 : code + 1) + text.slice(index + 1);
}

/** A JSON text of exactly `bytes` bytes (ASCII), padded inside userData. */
function padJsonToSize(body: Record<string, unknown>, bytes: number): string {
  const skeleton = JSON.stringify({ ...body, userData: { ...(body.userData as object), padding: "" } });
  return JSON.stringify({ ...body, userData: { ...(body.userData as object), padding: "x".repeat(bytes - skeleton.length) } });
}

function nestArrays(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const middle = Math.floor(SECRET.length / 2);

const wrongSecrets: Array<[string, unknown]> = [
  ...Array.from(SECRET, (_, i): [string, unknown] => [`one character off at ${i}`, changeCharAt(SECRET, i)]),
  ...[0, middle, SECRET.length - 1].map((i): [string, unknown] => [`character ${i} deleted`, SECRET.slice(0, i) + SECRET.slice(i + 1)]),
  ...[0, middle].map((i): [string, unknown] => [`character inserted at ${i}`, `${SECRET.slice(0, i)}x${SECRET.slice(i)}`]),
  ["prefix: all but the last character", SECRET.slice(0, -1)],
  ["prefix: first half", SECRET.slice(0, middle)],
  ["prefix: first character", SECRET.slice(0, 1)],
  ["suffix: all but the first character", SECRET.slice(1)],
  ["suffix: second half", SECRET.slice(middle)],
  ["with a character appended", `${SECRET}x`],
  ["twice", SECRET + SECRET],
  ["padded with a leading space", ` ${SECRET}`],
  ["padded with a trailing space", `${SECRET} `],
  ["padded with a trailing newline", `${SECRET}\n`],
  ["padded with a leading newline", `\n${SECRET}`],
  ["padded with tabs", `\t${SECRET}\t`],
  ["padded with a zero-width space", `\u200b${SECRET}`],
  ["upper case", SECRET.toUpperCase()],
  ["capitalised", SECRET[0]!.toUpperCase() + SECRET.slice(1)],
  ["last character upper-cased", SECRET.slice(0, -1) + SECRET.slice(-1).toUpperCase()],
  ["a Cyrillic look-alike letter", SECRET.replace("o", "\u043e")],
  ["full-width letters", SECRET.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
  ["a plain wrong secret", "wrong-secret"],
  ["the development placeholder", "tollgate-dev-app-secret"],
  ["random hex", "0123456789abcdef0123456789abcdef"],
  ["SQL injection", "' OR '1'='1"],
  ["a wildcard", "*"],
  ["the string null", "null"],
  ["empty", ""],
  ["a number", 0],
  ["the number 1", 1],
  ["a negative number", -1],
  ["a float", 1.5],
  ["a huge number", 1e308],
  ["true", true],
  ["false", false],
  ["null", null],
  ["an empty array", []],
  ["an array holding the secret", [SECRET]],
  ["an array holding the secret twice", [SECRET, SECRET]],
  ["an empty object", {}],
  ["an object holding the secret", { value: SECRET }],
  ["an object keyed by the secret", { [SECRET]: true }],
];

const secretCases: ForgeryCase[] = [
  ...wrongSecrets.map(
    ([label, appSecret]): ForgeryCase => ({
      name: `secret ${label}, for a real payment`,
      expectedStatus: 401,
      build: (targets) => post(JSON.stringify(buildRealPayment(targets, { appSecret }))),
    }),
  ),
  // Text PostgreSQL cannot store is refused while the body is parsed, before any secret is compared.
  {
    name: "secret padded with a NUL, for a real payment",
    expectedStatus: 400,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets, { appSecret: `${SECRET}\u0000` }))),
  },
  { name: "secret missing, for a real payment", expectedStatus: 401, build: (targets) => post(JSON.stringify(removeSecret(buildRealPayment(targets)))) },
  ...["AppSecret", "appsecret", "app_secret", "app-secret", " appSecret", "appSecret "].map(
    (key): ForgeryCase => ({
      name: `secret under the key "${key}"`,
      expectedStatus: 401,
      build: (targets) => post(JSON.stringify({ ...removeSecret(buildRealPayment(targets)), [key]: SECRET })),
    }),
  ),
  {
    name: "secret in an app-secret header only",
    expectedStatus: 401,
    build: (targets) => post(JSON.stringify(removeSecret(buildRealPayment(targets))), { ...JSON_HEADERS, "app-secret": SECRET }),
  },
  {
    name: "secret as a bearer token only",
    expectedStatus: 401,
    build: (targets) => post(JSON.stringify(removeSecret(buildRealPayment(targets))), { ...JSON_HEADERS, authorization: `Bearer ${SECRET}` }),
  },
  {
    name: "secret in the query string only",
    expectedStatus: 401,
    build: (targets) => ({ ...post(JSON.stringify(removeSecret(buildRealPayment(targets)))), pathSuffix: `?appSecret=${encodeURIComponent(SECRET)}` }),
  },
  {
    name: "secret given twice, the wrong one last",
    expectedStatus: 401,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets)).replace(/}$/, ',"appSecret":"wrong"}')),
  },
  {
    name: "wrong secret with extra fields claiming the order is paid",
    expectedStatus: 401,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets, { appSecret: "wrong", status: "PAID", isPaid: true, entitlement: true }))),
  },
];

/** Raw JSON, because an object literal cannot carry an own `__proto__` key through JSON.stringify. */
function injectRawKey(body: Record<string, unknown>, field: string | null, key: string, value: unknown): string {
  const injected = `"${key}":${JSON.stringify(value)}`;
  if (field === null) return JSON.stringify(body).replace(/^{/, `{${injected},`);
  const inner = JSON.stringify(body[field] ?? {});
  return JSON.stringify({ ...body, [field]: "__FIELD__" }).replace('"__FIELD__"', inner === "{}" ? `{${injected}}` : inner.replace(/^{/, `{${injected},`));
}

const prototypeCases: ForgeryCase[] = [
  ...(["__proto__", "constructor", "prototype"] as const).flatMap((key) => [
    {
      name: `${key} in customParameters naming the paid order, genuine secret, made-up transaction`,
      expectedStatus: 200,
      build: (targets: ForgeryTargets) =>
        post(injectRawKey(buildUnconfirmedClaim(targets), "customParameters", key, { orderId: targets.paid.orderId, isPaid: true })),
    },
    {
      name: `${key} in userData, genuine secret, made-up transaction`,
      expectedStatus: 200,
      build: (targets: ForgeryTargets) => post(injectRawKey(buildUnconfirmedClaim(targets), "userData", key, { isAdmin: true, prototype: { polluted: true } })),
    },
    {
      name: `${key} at the top level carrying the real transaction, genuine secret, made-up transaction`,
      expectedStatus: 200,
      build: (targets: ForgeryTargets) =>
        post(
          injectRawKey(buildUnconfirmedClaim(targets), null, key, {
            transactionId: targets.paid.transactionId,
            paymentRequestId: targets.paid.paymentRequestId,
          }),
        ),
    },
    {
      name: `${key} smuggling the secret into a real payment without one`,
      expectedStatus: 401,
      build: (targets: ForgeryTargets) => post(injectRawKey(removeSecret(buildRealPayment(targets)), null, key, { appSecret: SECRET })),
    },
  ]),
  {
    name: "constructor.prototype smuggling the secret",
    expectedStatus: 401,
    build: (targets) => post(injectRawKey(removeSecret(buildRealPayment(targets)), null, "constructor", { prototype: { appSecret: SECRET } })),
  },
];

const sizeCases: ForgeryCase[] = [
  {
    name: "wrong secret, 60 KiB paymail",
    expectedStatus: 401,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets, { appSecret: "wrong", userData: { paymail: "p".repeat(60 * KIB) } }))),
  },
  {
    name: "a 60 KiB secret",
    expectedStatus: 401,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets, { appSecret: SECRET.padEnd(60 * KIB, "x") }))),
  },
  {
    name: "wrong secret, 15,000 emoji (60 KB)",
    expectedStatus: 401,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets, { appSecret: "\u{1F511}".repeat(15_000) }))),
  },
  {
    name: "wrong secret, exactly 64 KiB",
    expectedStatus: 401,
    build: (targets) => post(padJsonToSize(buildRealPayment(targets, { appSecret: "wrong" }), 64 * KIB)),
  },
  {
    name: "genuine secret, 60 KiB paymail",
    expectedStatus: 400,
    build: (targets) => post(JSON.stringify(buildUnconfirmedClaim(targets, { userData: { paymail: "p".repeat(60 * KIB) } }))),
  },
  {
    name: "genuine secret, 60 KiB transactionId",
    expectedStatus: 400,
    build: (targets) => post(JSON.stringify(buildUnconfirmedClaim(targets, { transactionId: "a".repeat(60 * KIB) }))),
  },
  {
    name: "genuine secret, 60 KiB paymentRequestId",
    expectedStatus: 400,
    build: (targets) => post(JSON.stringify(buildUnconfirmedClaim(targets, { paymentRequestId: "a".repeat(60 * KIB) }))),
  },
  {
    name: "genuine secret, 60 KiB customParameters value, made-up transaction",
    expectedStatus: 200,
    build: (targets) =>
      post(JSON.stringify(buildUnconfirmedClaim(targets, { customParameters: { orderId: targets.pending[0].orderId, note: "n".repeat(60 * KIB) } }))),
  },
  {
    name: "genuine secret, real payment, 60 KiB orderId in customParameters",
    expectedStatus: 200,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets, { customParameters: { orderId: "o".repeat(60 * KIB) } }))),
  },
  {
    name: "genuine secret, 60 KiB extra field, made-up transaction",
    expectedStatus: 200,
    build: (targets) => post(JSON.stringify(buildUnconfirmedClaim(targets, { extra: "e".repeat(60 * KIB) }))),
  },
  {
    name: "genuine secret, 4,000 keys in customParameters, made-up transaction",
    expectedStatus: 200,
    build: (targets) =>
      post(JSON.stringify(buildUnconfirmedClaim(targets, { customParameters: Object.fromEntries(Array.from({ length: 4_000 }, (_, i) => [`k${i}`, i])) }))),
  },
  {
    name: "genuine secret, arrays nested 1,000 deep in userData, made-up transaction",
    expectedStatus: 200,
    build: (targets) => post(JSON.stringify(buildUnconfirmedClaim(targets, { userData: { id: "x", deep: nestArrays(1_000) } }))),
  },
  {
    name: "wrong secret, 64 KiB + 1 byte",
    expectedStatus: 413,
    build: (targets) => post(padJsonToSize(buildRealPayment(targets, { appSecret: "wrong" }), 64 * KIB + 1)),
  },
  { name: "genuine secret, 70 KiB real payment", expectedStatus: 413, build: (targets) => post(padJsonToSize(buildRealPayment(targets), 70 * KIB)) },
  { name: "wrong secret, 1 MiB", expectedStatus: 413, build: (targets) => post(padJsonToSize(buildRealPayment(targets, { appSecret: "wrong" }), 1024 * KIB)) },
  {
    name: "genuine secret, 100 KiB chunked without Content-Length",
    expectedStatus: 413,
    build: (targets) => ({ ...post(padJsonToSize(buildRealPayment(targets), 100 * KIB)), isChunked: true }),
  },
];

const badValues: Array<[string, unknown]> = [
  ["a number", 123],
  ["null", null],
  ["true", true],
  ["an array", ["x"]],
  ["an object", { id: "x" }],
  ["empty", ""],
  ["with spaces", "a b"],
  ["a path", "../x"],
  ["129 characters", "a".repeat(129)],
];

const shapeCases: ForgeryCase[] = [
  ...(["paymentRequestId", "transactionId"] as const).flatMap((field) =>
    badValues.map(
      ([label, value]): ForgeryCase => ({
        name: `genuine secret, ${field} ${label}`,
        expectedStatus: 400,
        build: (targets) => post(JSON.stringify(buildRealPayment(targets, { [field]: value }))),
      }),
    ),
  ),
  ...(["customParameters", "userData"] as const).flatMap((field) =>
    (
      [
        ["a string", "x"],
        ["a number", 5],
        ["an array", []],
        ["null", null],
        ["true", true],
      ] as Array<[string, unknown]>
    ).map(
      ([label, value]): ForgeryCase => ({
        name: `genuine secret, ${field} ${label}`,
        expectedStatus: 400,
        build: (targets) => post(JSON.stringify(buildRealPayment(targets, { [field]: value }))),
      }),
    ),
  ),
  ...(
    [
      ["userData.id a number", { id: 5 }],
      ["userData.id an object", { id: {} }],
      ["userData.paymail a number", { paymail: 5 }],
      ["userData.paymail of 257 characters", { paymail: "p".repeat(257) }],
      ["userData.email an array", { email: ["a@b.c"] }],
      ["userData.phoneNumber of 65 characters", { phoneNumber: "1".repeat(65) }],
    ] as Array<[string, unknown]>
  ).map(
    ([label, userData]): ForgeryCase => ({
      name: `genuine secret, ${label}`,
      expectedStatus: 400,
      build: (targets) => post(JSON.stringify(buildRealPayment(targets, { userData }))),
    }),
  ),
  // PostgreSQL cannot store these (text and jsonb refuse NUL, jsonb an unpaired surrogate): a 400, not a failed write.
  ...(
    [
      ["userData.paymail with a NUL", '"userData":{"id":"x","paymail":"alice\\u0000@handcash.io"}'],
      ["userData with a NUL in a key", '"userData":{"id":"x","pay\\u0000mail":"alice@handcash.io"}'],
      ["customParameters with an unpaired surrogate", '"customParameters":{"orderId":"x","note":"\\udc00"}'],
    ] as Array<[string, string]>
  ).map(
    ([label, field]): ForgeryCase => ({
      name: `genuine secret, ${label}`,
      expectedStatus: 400,
      build: (targets) => {
        const { userData: _userData, customParameters: _customParameters, ...rest } = buildUnconfirmedClaim(targets);
        return post(JSON.stringify(rest).replace(/}$/, `,${field}}`));
      },
    }),
  ),
  ...(
    [
      ["a number", 5],
      ["an object", {}],
      ["of 65 characters", "m".repeat(65)],
    ] as Array<[string, unknown]>
  ).map(
    ([label, paymentMethod]): ForgeryCase => ({
      name: `genuine secret, paymentMethod ${label}`,
      expectedStatus: 400,
      build: (targets) => post(JSON.stringify(buildRealPayment(targets, { paymentMethod }))),
    }),
  ),
  ...(["paymentRequestId", "transactionId"] as const).map(
    (field): ForgeryCase => ({
      name: `genuine secret, ${field} missing`,
      expectedStatus: 400,
      build: (targets) => {
        const { [field]: _removed, ...rest } = buildRealPayment(targets);
        return post(JSON.stringify(rest));
      },
    }),
  ),
  ...(
    [
      ["a number", 123],
      ["null", null],
      ["an object", { id: "x" }],
    ] as Array<[string, unknown]>
  ).map(
    ([label, orderId]): ForgeryCase => ({
      name: `genuine secret, real payment, customParameters.orderId ${label}`,
      expectedStatus: 200,
      build: (targets) => post(JSON.stringify(buildRealPayment(targets, { customParameters: { orderId } }))),
    }),
  ),
  {
    name: "genuine secret, extra fields claiming the order is paid, made-up transaction",
    expectedStatus: 200,
    build: (targets) =>
      post(
        JSON.stringify(
          buildUnconfirmedClaim(targets, { status: "PAID", isPaid: true, amount: 0, entitlement: { granted: true }, orderId: targets.paid.orderId }),
        ),
      ),
  },
];

const encodingCases: ForgeryCase[] = [
  { name: "an empty body", expectedStatus: 400, build: () => post("") },
  { name: "plain text", expectedStatus: 400, build: () => post("not json at all") },
  {
    name: "the real payment form-encoded",
    expectedStatus: 400,
    build: (targets) =>
      post(new URLSearchParams(buildRealPayment(targets) as Record<string, string>).toString(), { "content-type": "application/x-www-form-urlencoded" }),
  },
  {
    name: "the real payment as multipart form data",
    expectedStatus: 400,
    build: (targets) =>
      post(`--b\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${JSON.stringify(buildRealPayment(targets))}\r\n--b--\r\n`, {
        "content-type": "multipart/form-data; boundary=b",
      }),
  },
  {
    name: "the real payment as XML",
    expectedStatus: 400,
    build: (targets) =>
      post(`<webhook><appSecret>${SECRET}</appSecret><transactionId>${targets.paid.transactionId}</transactionId></webhook>`, {
        "content-type": "application/xml",
      }),
  },
  { name: "truncated JSON of the real payment", expectedStatus: 400, build: (targets) => post(JSON.stringify(buildRealPayment(targets)).slice(0, -1)) },
  { name: "JSON with single quotes", expectedStatus: 400, build: (targets) => post(JSON.stringify(buildRealPayment(targets)).replaceAll('"', "'")) },
  { name: "JSON with a comment", expectedStatus: 400, build: (targets) => post(`/* hi */${JSON.stringify(buildRealPayment(targets))}`) },
  { name: "a JSON string", expectedStatus: 400, build: () => post(JSON.stringify(SECRET)) },
  { name: "a JSON number", expectedStatus: 400, build: () => post("123") },
  { name: "JSON null", expectedStatus: 400, build: () => post("null") },
  { name: "JSON true", expectedStatus: 400, build: () => post("true") },
  { name: "an empty JSON array", expectedStatus: 400, build: () => post("[]") },
  { name: "the real payment wrapped in an array", expectedStatus: 400, build: (targets) => post(JSON.stringify([buildRealPayment(targets)])) },
  { name: "bytes that are not UTF-8", expectedStatus: 400, build: () => post(Buffer.from([0xff, 0xfe, 0x7b, 0x80, 0x81, 0x7d])) },
  ...[
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/xml",
    "text/html",
    "application/octet-stream",
    "application/json; charset=utf-16",
    "",
  ].map(
    (contentType): ForgeryCase => ({
      name: `wrong secret sent as ${contentType || "no content type"}`,
      expectedStatus: 401,
      build: (targets) => post(JSON.stringify(buildRealPayment(targets, { appSecret: "wrong" })), contentType ? { "content-type": contentType } : {}),
    }),
  ),
  {
    name: "genuine secret sent as text/plain, made-up transaction",
    expectedStatus: 200,
    build: (targets) => post(JSON.stringify(buildUnconfirmedClaim(targets)), { "content-type": "text/plain;charset=UTF-8" }),
  },
];

const methodCases: ForgeryCase[] = [
  ...["PUT", "PATCH", "DELETE"].map(
    (method): ForgeryCase => ({
      name: `${method} with the real payment`,
      expectedStatus: 405,
      build: (targets) => ({ ...post(JSON.stringify(buildRealPayment(targets))), method }),
    }),
  ),
  {
    name: "GET with the real payment in the query string",
    expectedStatus: 405,
    build: (targets) => ({
      method: "GET",
      headers: {},
      pathSuffix: `?${new URLSearchParams({ appSecret: SECRET, paymentRequestId: targets.paid.paymentRequestId, transactionId: targets.paid.transactionId })}`,
    }),
  },
  {
    name: "wrong secret to the path with a trailing slash",
    expectedStatus: 401,
    build: (targets) => ({ ...post(JSON.stringify(buildRealPayment(targets, { appSecret: "wrong" }))), pathSuffix: "/" }),
  },
];

const claimCases: ForgeryCase[] = [
  ...[0, 1, 2].map(
    (index): ForgeryCase => ({
      name: `genuine secret, made-up transaction for pending order ${index + 1}`,
      expectedStatus: 200,
      build: ({ pending }) =>
        post(
          JSON.stringify({
            appSecret: SECRET,
            paymentRequestId: pending[index]!.paymentRequestId,
            transactionId: `${index}${MADE_UP_TRANSACTION_ID.slice(1)}`,
            customParameters: { orderId: pending[index]!.orderId },
            userData: {},
          }),
        ),
    }),
  ),
  {
    name: "genuine secret, made-up transaction for the paid order",
    expectedStatus: 200,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets, { transactionId: MADE_UP_TRANSACTION_ID }))),
  },
  {
    name: "genuine secret, the real payment claimed for another order (customParameters)",
    expectedStatus: 200,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets, { customParameters: { orderId: targets.pending[1].orderId } }))),
  },
  {
    name: "genuine secret, the real payment claimed for an order that does not exist",
    expectedStatus: 200,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets, { customParameters: { orderId: "cm0000000000000000000000" } }))),
  },
  {
    name: "genuine secret, the real transaction replayed against another order's payment request",
    expectedStatus: 200,
    build: (targets) =>
      post(
        JSON.stringify(
          buildRealPayment(targets, { paymentRequestId: targets.pending[2].paymentRequestId, customParameters: { orderId: targets.pending[2].orderId } }),
        ),
      ),
  },
  {
    name: "genuine secret, the real transaction for a payment request nobody created",
    expectedStatus: 200,
    build: (targets) => post(JSON.stringify(buildRealPayment(targets, { paymentRequestId: "0123456789abcdef01234567" }))),
  },
];

export const FORGERY_CASES: ForgeryCase[] = [...secretCases, ...prototypeCases, ...sizeCases, ...shapeCases, ...encodingCases, ...methodCases, ...claimCases];
