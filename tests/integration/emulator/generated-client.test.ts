import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DENOMINATION_CURRENCY_CODES } from "@/emulator/handcash-spec-rules";
import { buildCreateBody, type RunningEmulator, startTestEmulator, TEST_APP_ID, TEST_APP_SECRET } from "@/emulator/testing/fixtures";
import { type Client, createClient } from "../../fixtures/handcash-openapi/generated/client";
import { PaymentRequests } from "../../fixtures/handcash-openapi/generated/sdk.gen";
import type { CreatePaymentRequestData } from "../../fixtures/handcash-openapi/generated/types.gen";
import { zCreatePaymentRequestBody } from "../../fixtures/handcash-openapi/generated/zod.gen";
import spec from "../../fixtures/handcash-openapi/payment-requests.openapi.json";

/**
 * The emulator, driven by the client generated from HandCash's own OpenAPI spec
 * (tests/fixtures/handcash-openapi/): every request that client sends is one the spec allows,
 * every answer is validated by the spec's zod schemas (required fields, types), and checked here
 * for keys the spec does not declare (it sets additionalProperties: false everywhere). The rules
 * the emulator enforces are held to the spec the other way too: what the spec refuses, the
 * emulator refuses. A mismatch with HandCash's spec fails here, not in production.
 */

type JsonSchema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: boolean;
  oneOf?: JsonSchema[];
};

function resolve(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return (spec.components.schemas as Record<string, JsonSchema>)[name]!;
}

/** Paths of keys in `value` that the spec's schema does not declare. */
function findUndeclaredKeys(value: unknown, schemaOrRef: JsonSchema, at = ""): string[] {
  const schema = resolve(schemaOrRef);
  if (Array.isArray(value)) return schema.items ? value.flatMap((item, index) => findUndeclaredKeys(item, schema.items!, `${at}[${index}]`)) : [];
  if (typeof value !== "object" || value === null || !schema.properties) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childSchema = schema.properties![key];
    // An object without declared properties (customParameters) is the spec's free-form quirk: see the fixture README.
    if (!childSchema) return Object.keys(schema.properties!).length === 0 ? [] : [`${at}${at ? "." : ""}${key}`];
    return findUndeclaredKeys(child, childSchema, `${at}${at ? "." : ""}${key}`);
  });
}

const responseSchemaOf = (path: keyof typeof spec.paths, method: string): JsonSchema =>
  (spec.paths[path] as Record<string, { responses: { 200: { content?: { "application/json": { schema: JsonSchema } } } } }>)[method]!.responses[200].content![
    "application/json"
  ].schema;
const createBodySchema = spec.paths["/v3/paymentRequests/"].post.requestBody.content["application/json"].schema as JsonSchema;

let emulator: RunningEmulator;
let client: Client;
/** Every answer's JSON as the emulator sent it, before the SDK's zod schemas stripped anything. */
const rawAnswers: unknown[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator();
  client = createClient({ baseUrl: emulator.baseUrl, auth: (scheme) => (scheme.name === "app-id" ? TEST_APP_ID : TEST_APP_SECRET) });
  client.interceptors.response.use(async (response) => {
    const text = await response.clone().text();
    rawAnswers.push(text === "" ? null : JSON.parse(text));
    return response;
  });
});
afterAll(async () => {
  await emulator.server.close();
});

function lastRawAnswer(): unknown {
  return rawAnswers.at(-1);
}

const specBody = (overrides: Partial<CreatePaymentRequestData["body"]> = {}): CreatePaymentRequestData["body"] => ({
  product: { name: "Premium article", description: "The full text", imageUrl: "https://app.test/cover.png" },
  instrumentCurrencyCode: "BSV",
  denominationCurrencyCode: "USD",
  receivers: [{ sendAmount: 2.5, destination: "$tollgate" }],
  requestedUserData: ["paymail", "email"],
  redirectUrl: "https://app.test/articles/one",
  notifications: { webhook: { webhookUrl: "https://app.test/api/webhooks/handcash" }, email: "owner@app.test" },
  expirationType: "onPaymentCompleted",
  ...overrides,
});

describe("the emulator, driven by the SDK generated from HandCash's spec", () => {
  it("answers every payment-request operation with exactly the spec's shapes", async () => {
    const created = await PaymentRequests.createPaymentRequest({ client, body: specBody(), throwOnError: true });
    expect(findUndeclaredKeys(lastRawAnswer(), responseSchemaOf("/v3/paymentRequests/", "post"))).toEqual([]);
    const id = created.data.id;
    expect(id).toMatch(/^[a-f0-9]{24}$/);

    await PaymentRequests.getPaymentRequest({ client, path: { id }, throwOnError: true });
    expect(findUndeclaredKeys(lastRawAnswer(), responseSchemaOf("/v3/paymentRequests/{id}", "get"))).toEqual([]);

    const list = await PaymentRequests.getPaymentRequests({ client, throwOnError: true });
    expect(list.data.items.map((item) => item.id)).toContain(id);
    expect(findUndeclaredKeys(lastRawAnswer(), responseSchemaOf("/v3/paymentRequests/", "get"))).toEqual([]);

    const updated = await PaymentRequests.updatePaymentRequest({
      client,
      path: { id },
      body: { product: { name: "Renamed" }, expiresAt: new Date(Date.now() + 60_000).toISOString() },
      throwOnError: true,
    });
    expect(updated.data.product.name).toBe("Renamed");
    expect(findUndeclaredKeys(lastRawAnswer(), responseSchemaOf("/v3/paymentRequests/{id}", "put"))).toEqual([]);

    const unpaid = await PaymentRequests.getPaymentRequestsPublicInfo({ client, path: { id }, throwOnError: true });
    expect(unpaid.data).toMatchObject({ id, status: "pending", paymentsCount: 0 });
    expect(findUndeclaredKeys(lastRawAnswer(), responseSchemaOf("/v3/paymentRequests/public/{id}", "get"))).toEqual([]);

    const pay = await emulator.call(`/_emulator/paymentRequests/${id}/pay`, { method: "POST", json: { delivery: "lost" } });
    const { transactionId } = (await pay.json()) as { transactionId: string };
    const paid = await PaymentRequests.getPaymentRequestsPublicInfo({ client, path: { id }, throwOnError: true });
    expect(paid.data).toMatchObject({ status: "completed", transactionId, paymentsCount: 1 });
    expect(findUndeclaredKeys(lastRawAnswer(), responseSchemaOf("/v3/paymentRequests/public/{id}", "get"))).toEqual([]);

    const stats = await PaymentRequests.getPaymentRequestsPublicStats({ client, path: { id }, throwOnError: true });
    expect(stats.data).toEqual({ totalPayments: 1, totalVolume: 2.5, uniqueUsers: 1 });
    expect(findUndeclaredKeys(lastRawAnswer(), responseSchemaOf("/v3/paymentRequests/public/stats/{id}", "get"))).toEqual([]);

    const deleted = await PaymentRequests.deletePaymentRequest({ client, path: { id } });
    expect(deleted.response.status).toBe(200);
    const gone = await PaymentRequests.getPaymentRequest({ client, path: { id } });
    expect(gone.response.status).toBe(404);
  });

  it("gives the public view every field the spec requires, even for a request created with none of the optional ones", async () => {
    const created = await PaymentRequests.createPaymentRequest({
      client,
      body: { product: { name: "Bare" }, instrumentCurrencyCode: "BSV", receivers: [{ sendAmount: 0.001, destination: "$tollgate" }] },
      throwOnError: true,
    });
    // The SDK's response validator would throw on a missing redirectUrl, product.imageUrl or paymentAmount.denominatedIn.
    const { data } = await PaymentRequests.getPaymentRequestsPublicInfo({ client, path: { id: created.data.id }, throwOnError: true });
    expect(data).toMatchObject({ redirectUrl: "", product: { name: "Bare", imageUrl: "" }, paymentAmount: { currencyCode: "BSV", denominatedIn: "BSV" } });
  });

  it("can leave out the public view's optional transactionId and paymentsCount, as the spec allows Cloud to", async () => {
    const created = await PaymentRequests.createPaymentRequest({ client, body: specBody(), throwOnError: true });
    await emulator.call(`/_emulator/paymentRequests/${created.data.id}/pay`, { method: "POST", json: { delivery: "lost" } });
    await emulator.call("/_emulator/public-view", { method: "PUT", json: { transactionId: true, paymentsCount: true } });
    try {
      const { data } = await PaymentRequests.getPaymentRequestsPublicInfo({ client, path: { id: created.data.id }, throwOnError: true });
      expect(data.status).toBe("completed");
      expect(data).not.toHaveProperty("transactionId");
      expect(data).not.toHaveProperty("paymentsCount");
    } finally {
      await emulator.call("/_emulator/public-view", { method: "PUT", json: {} });
    }
  });

  it("accepts every denomination the spec lists and only those", async () => {
    for (const code of DENOMINATION_CURRENCY_CODES) {
      const response = await emulator.call("/v3/paymentRequests", { method: "POST", json: buildCreateBody({ denominationCurrencyCode: code }) });
      expect(response.status, code).toBe(200);
    }
    const specCodes = (createBodySchema.properties!.denominationCurrencyCode!.oneOf![0] as { enum: string[] }).enum;
    expect([...DENOMINATION_CURRENCY_CODES].sort()).toEqual([...specCodes].sort());
  });
});

describe("what the emulator refuses, the spec refuses", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["a name of 26 characters", { product: { name: "x".repeat(26) } }],
    ["a description of 201 characters", { product: { name: "A", description: "x".repeat(201) } }],
    ["a long description of 501 characters", { product: { name: "A", longDescription: "x".repeat(501) } }],
    ["an image URL of 2049 characters", { product: { name: "A", imageUrl: `https://a.test/${"x".repeat(2034)}` } }],
    ["BSV as the denomination", { denominationCurrencyCode: "BSV" }],
    ["SAT as the denomination", { denominationCurrencyCode: "SAT" }],
    ["a lower-case denomination", { denominationCurrencyCode: "usd" }],
    ["an unknown instrument", { instrumentCurrencyCode: "SAT" }],
    ["no receivers", { receivers: [] }],
    ["1001 receivers", { receivers: Array.from({ length: 1001 }, () => ({ sendAmount: 1, destination: "$a" })) }],
    ["a receiver tag of two characters", { receivers: [{ sendAmount: 1, destination: "$a", tags: ["ab"] }] }],
    ["an http redirect off localhost", { redirectUrl: "http://127.0.0.1:3000/back" }],
    ["an http webhook off localhost", { notifications: { webhook: { webhookUrl: "http://app.test/hook" } } }],
    ["a notification email that is not one", { notifications: { email: "owner" } }],
    ["a priceBeforeDiscount of 0", { priceBeforeDiscount: 0 }],
    ["a shop collection that is not an ObjectId", { shop: { collectionId: "c1", packOrder: 1, collectionOrder: 1 } }],
    ["unknown requested user data", { requestedUserData: ["address"] }],
    ["a missing product", { product: undefined }],
  ];

  it.each(cases)("refuses %s with a 400, as the spec does", async (_label, overrides) => {
    const body = buildCreateBody(overrides);
    expect(zCreatePaymentRequestBody.safeParse(body).success).toBe(false);
    expect((await emulator.call("/v3/paymentRequests", { method: "POST", json: body })).status).toBe(400);
  });

  it.each([
    ["a key the spec does not declare", { currency: "USD" }],
    ["a product key the spec does not declare", { product: { name: "A", title: "A" } }],
    ["a receiver's currency (v2 only)", { receivers: [{ sendAmount: 1, destination: "$a", currencyCode: "USD" }] }],
  ])("refuses %s with a 400, as the spec's additionalProperties: false does", async (_label, overrides) => {
    const body = buildCreateBody(overrides);
    expect(findUndeclaredKeys(body, createBodySchema)).not.toEqual([]);
    expect((await emulator.call("/v3/paymentRequests", { method: "POST", json: body })).status).toBe(400);
  });

  it("accepts the spec's limits exactly", async () => {
    const body = buildCreateBody({
      product: { name: "x".repeat(25), description: "y".repeat(200), longDescription: "z".repeat(500) },
      redirectUrl: "http://localhost:3000/back",
    });
    expect(zCreatePaymentRequestBody.safeParse(body).success).toBe(true);
    expect(findUndeclaredKeys(body, createBodySchema)).toEqual([]);
    expect((await emulator.call("/v3/paymentRequests", { method: "POST", json: body })).status).toBe(200);
  });
});
