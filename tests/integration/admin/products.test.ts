import { describe, expect, it } from "vitest";
import { POST as postOrder } from "@/app/api/orders/route";
import { createProduct as createProductRow } from "@/prisma/factories";
import { type ProductFormInput, productFormSchema, slugify } from "@/lib/schemas/products";
import { AppError } from "@/server/errors";
import { createProduct } from "@/server/products/create-product";
import { deleteProduct } from "@/server/products/delete-product";
import { setProductPublished } from "@/server/products/set-product-published";
import { updateProduct } from "@/server/products/update-product";
import { TEST_ADMIN_EMAIL, TEST_APP_URL } from "../../setup/test-config";
import { createPendingOrder, db, jsonRequest } from "../helpers";

const VALID: ProductFormInput = {
  title: "On Lighthouses",
  slug: "",
  summary: "Why the keepers stayed.",
  coverImageUrl: "",
  preview: "The free part.",
  body: "The paid part.",
  price: "2.50",
  currency: "USD",
  published: "on",
};

function fieldErrorsOf(input: Partial<Record<keyof ProductFormInput, string | undefined>>) {
  const result = productFormSchema.safeParse({ ...VALID, ...input });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

function fieldsOf(input: Partial<Record<keyof ProductFormInput, string | undefined>> = {}) {
  return productFormSchema.parse({ ...VALID, ...input });
}

describe("product form validation", () => {
  it("stores major units as minor units for each currency", () => {
    expect(fieldsOf({ price: "2.50", currency: "USD" }).priceAmount).toBe(250);
    expect(fieldsOf({ price: "3", currency: "EUR" }).priceAmount).toBe(300);
    expect(fieldsOf({ price: "0.0005", currency: "BSV" }).priceAmount).toBe(50_000);
  });

  it.each([
    ["zero", "0", "USD"],
    ["negative", "-1", "USD"],
    ["too many decimals for USD", "2.505", "USD"],
    ["too many decimals for BSV", "0.000000001", "BSV"],
    ["not a number", "two fifty", "EUR"],
    ["a formula", "=1+1", "USD"],
  ])("refuses a price that is %s", (_name, price, currency) => {
    expect(fieldErrorsOf({ price, currency })).toHaveProperty("price");
  });

  it.each(["1,5", "1,500", "2,50"])("refuses the price %j and says why, instead of guessing where the decimals start", (price) => {
    expect(fieldErrorsOf({ price, currency: "EUR" }).price).toMatch(/after a dot, like 1\.50: a comma is ambiguous/);
  });

  it("derives the slug from the title when none is given, and keeps one that is", () => {
    expect(fieldsOf({ title: "Café & Crème: Part 2!", slug: "" }).slug).toBe("cafe-and-creme-part-2");
    expect(fieldsOf({ slug: "my-own-slug" }).slug).toBe("my-own-slug");
    expect(slugify("  --Hello,   World--  ")).toBe("hello-world");
  });

  it.each(["has spaces", "UPPER_case", "trailing-", "double--hyphen", "é-accent"])("refuses the slug %j", (slug) => {
    expect(fieldErrorsOf({ slug })).toHaveProperty("slug");
  });

  it("accepts only https cover images", () => {
    expect(fieldsOf({ coverImageUrl: "https://images.example/cover.jpg" }).coverImageUrl).toBe("https://images.example/cover.jpg");
    expect(fieldsOf({ coverImageUrl: "" }).coverImageUrl).toBeNull();
    for (const url of ["http://images.example/cover.jpg", "javascript:alert(1)", "data:image/png;base64,AAAA", "//images.example/x.jpg", "not a url"]) {
      expect(fieldErrorsOf({ coverImageUrl: url })).toHaveProperty("coverImageUrl");
    }
  });

  it("requires a one-line summary, a title, a preview and a body", () => {
    expect(fieldErrorsOf({ summary: "line one\nline two" })).toHaveProperty("summary");
    expect(Object.keys(fieldErrorsOf({ title: " ", summary: "", preview: "", body: "" })).sort()).toEqual(["body", "preview", "summary", "title"]);
  });

  it("reports every mistake in one go, the price and slug included", () => {
    expect(Object.keys(fieldErrorsOf({ summary: "", price: "2.505", slug: "Not OK", coverImageUrl: "http://x.example/a.png" })).sort()).toEqual([
      "coverImageUrl",
      "price",
      "slug",
      "summary",
    ]);
  });

  it("reads the published checkbox", () => {
    expect(fieldsOf({ published: "on" }).published).toBe(true);
    expect(fieldsOf({ published: undefined }).published).toBe(false);
  });
});

describe("product mutations", () => {
  it("creates a product with an audit row; publishing sets publishedAt", async () => {
    const { id } = await createProduct({ fields: fieldsOf(), actorEmail: TEST_ADMIN_EMAIL });
    const product = await db.product.findUniqueOrThrow({ where: { id } });
    expect(product).toMatchObject({ slug: "on-lighthouses", priceAmount: 250, currency: "USD", published: true });
    expect(product.publishedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.findMany({ select: { actorEmail: true, action: true, targetType: true, targetId: true } })).toEqual([
      { actorEmail: TEST_ADMIN_EMAIL, action: "product.create", targetType: "product", targetId: id },
    ]);
  });

  it("refuses a slug another product uses, as an error on the slug field, and writes nothing", async () => {
    await createProductRow(db, { slug: "on-lighthouses" });
    const error = await createProduct({ fields: fieldsOf(), actorEmail: TEST_ADMIN_EMAIL }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", details: { fieldErrors: { slug: [expect.stringMatching(/already uses this slug/)] } } });
    expect(await db.product.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(0);

    const other = await createProductRow(db, { slug: "another-one" });
    await expect(updateProduct({ productId: other.id, fields: fieldsOf(), actorEmail: TEST_ADMIN_EMAIL })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("audits an edit with the fields that changed", async () => {
    const { id } = await createProduct({ fields: fieldsOf(), actorEmail: TEST_ADMIN_EMAIL });
    await updateProduct({ productId: id, fields: fieldsOf({ price: "4.00", body: "A new paid part." }), actorEmail: TEST_ADMIN_EMAIL });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "product.update" } });
    expect(audit.detail).toEqual({ changes: { priceAmount: { from: 250, to: 400 }, body: "changed" } });
  });

  it("unpublishes and republishes, audited, keeping the first publication date", async () => {
    const { id } = await createProduct({ fields: fieldsOf(), actorEmail: TEST_ADMIN_EMAIL });
    const { publishedAt } = await db.product.findUniqueOrThrow({ where: { id } });
    await setProductPublished({ productId: id, published: false, actorEmail: TEST_ADMIN_EMAIL });
    expect(await db.product.findUniqueOrThrow({ where: { id } })).toMatchObject({ published: false });
    await setProductPublished({ productId: id, published: true, actorEmail: TEST_ADMIN_EMAIL });
    expect(await db.product.findUniqueOrThrow({ where: { id } })).toMatchObject({ published: true, publishedAt });
    expect((await db.auditLog.findMany({ orderBy: { createdAt: "asc" } })).map((row) => row.action)).toEqual([
      "product.create",
      "product.unpublish",
      "product.publish",
    ]);
  });

  it("deletes a product nobody ordered, audited", async () => {
    const { id } = await createProduct({ fields: fieldsOf(), actorEmail: TEST_ADMIN_EMAIL });
    await deleteProduct({ productId: id, actorEmail: TEST_ADMIN_EMAIL });
    expect(await db.product.count()).toBe(0);
    expect(await db.auditLog.findFirst({ where: { action: "product.delete", targetId: id } })).toMatchObject({
      detail: { slug: "on-lighthouses", title: "On Lighthouses" },
    });
  });

  it("refuses to delete a product with orders, with a clear error, and changes nothing", async () => {
    const { orderId, productId } = await createPendingOrder();
    await db.order.update({ where: { id: orderId }, data: { status: "EXPIRED" } });
    const error = await deleteProduct({ productId, actorEmail: TEST_ADMIN_EMAIL }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/has orders.*Unpublish it instead/) });
    expect(await db.product.count({ where: { id: productId } })).toBe(1);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe("a price change never changes an existing order", () => {
  it("keeps the order's snapshot, while new orders get the new price", async () => {
    const { id: productId } = await createProduct({ fields: fieldsOf({ price: "2.50" }), actorEmail: TEST_ADMIN_EMAIL });
    const first = await postOrder(jsonRequest(`${TEST_APP_URL}/api/orders`, { productId }));
    expect(first.status).toBe(201);
    const { orderId } = (await first.json()) as { orderId: string };

    await updateProduct({ productId, fields: fieldsOf({ title: "On Lighthouses, revised", price: "9.00", currency: "EUR" }), actorEmail: TEST_ADMIN_EMAIL });

    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ amount: 250, currency: "USD", productTitle: "On Lighthouses" });
    const second = await postOrder(jsonRequest(`${TEST_APP_URL}/api/orders`, { productId }));
    expect(await second.json()).toMatchObject({ price: { amount: 900, currency: "EUR" } });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ amount: 250, currency: "USD" });
  });
});
