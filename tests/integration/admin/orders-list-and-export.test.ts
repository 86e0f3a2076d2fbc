import { describe, expect, it } from "vitest";
import { GET as exportOrders } from "@/app/admin/(panel)/orders/export/route";
import { createProduct } from "@/prisma/factories";
import { orderListQuerySchema } from "@/lib/schemas/admin-orders";
import { toCsvCell, toCsvRow } from "@/server/admin/csv";
import { listOrdersForAdmin } from "@/server/orders/list-orders-for-admin";
import { TEST_APP_URL } from "../../setup/test-config";
import { db } from "../helpers";
import { insertOrder, signedInOwner } from "./admin-fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

async function exportCsv(params: Record<string, string>, cookie?: string) {
  const url = `${TEST_APP_URL}/admin/orders/export?${new URLSearchParams(params)}`;
  const response = await exportOrders(new Request(url, { headers: cookie ? { cookie } : {} }));
  return { response, text: await response.text() };
}

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let isQuoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') isQuoted = false;
      else cell += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index++;
    } else cell += char;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    ["with, comma", '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ["+1 555", "'+1 555"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["", ""],
  ])("escapes %j", (value, expected) => {
    expect(toCsvCell(value)).toBe(expected);
  });

  it("leaves numbers and empty values alone and ends rows with CRLF", () => {
    expect(toCsvRow([250, null, undefined, "x"])).toBe("250,,,x\r\n");
  });
});

describe("GET /admin/orders/export", () => {
  it("refuses without a session", async () => {
    const { response } = await exportCsv({});
    expect(response.status).toBe(401);
  });

  it("exports every order as a CSV download, amounts in major units, with formula injection neutralised", async () => {
    const { cookie } = await signedInOwner();
    const product = await createProduct(db, { title: "=cmd|' /C calc'!A0", priceAmount: 250 });
    const paid = await insertOrder({ productId: product.id, productTitle: product.title, status: "PAID", payerPaymail: "@evil@handcash.io" });
    const { response, text } = await exportCsv({}, cookie);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="tollgate-orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");

    const [header, row, ...rest] = parseCsv(text);
    expect(rest).toEqual([]);
    expect(header).toEqual([
      "order_id",
      "created_at",
      "status",
      "product",
      "product_slug",
      "amount",
      "currency",
      "paid_at",
      "payment_request_id",
      "transaction_ids",
      "payer_paymails",
    ]);
    expect(row).toEqual([
      paid.id,
      paid.createdAt.toISOString(),
      "PAID",
      "'=cmd|' /C calc'!A0",
      product.slug,
      "2.50",
      "USD",
      paid.paidAt!.toISOString(),
      paid.paymentRequestId,
      paid.transactionId,
      "'@evil@handcash.io",
    ]);
    for (const cells of parseCsv(text)) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t]/);
  });

  it("applies the table's filters: status, product, date range and search", async () => {
    const { cookie } = await signedInOwner();
    const essays = await createProduct(db, { title: "Essays" });
    const poems = await createProduct(db, { title: "Poems" });
    const now = Date.now();
    const old = await insertOrder({ productId: essays.id, status: "PAID", createdAt: new Date(now - 10 * DAY_MS) });
    const recentPaid = await insertOrder({ productId: essays.id, status: "PAID", createdAt: new Date(now - DAY_MS), payerPaymail: "Carol@HandCash.io" });
    const recentPending = await insertOrder({ productId: essays.id, status: "PENDING", createdAt: new Date(now - DAY_MS) });
    const otherProduct = await insertOrder({ productId: poems.id, status: "PAID", createdAt: new Date(now - DAY_MS) });
    const idsOf = async (params: Record<string, string>) => {
      const { response, text } = await exportCsv(params, cookie);
      expect(response.status).toBe(200);
      return parseCsv(text)
        .slice(1)
        .map((row) => row[0])
        .sort();
    };
    const day = (offset: number) => new Date(now + offset * DAY_MS).toISOString().slice(0, 10);

    expect(await idsOf({})).toEqual([old.id, recentPaid.id, recentPending.id, otherProduct.id].sort());
    expect(await idsOf({ status: "PAID" })).toEqual([old.id, recentPaid.id, otherProduct.id].sort());
    expect(await idsOf({ status: "PAID", product: essays.id })).toEqual([old.id, recentPaid.id].sort());
    expect(await idsOf({ product: essays.id, from: day(-2), to: day(0) })).toEqual([recentPaid.id, recentPending.id].sort());
    expect(await idsOf({ to: day(-5) })).toEqual([old.id]);
    expect(await idsOf({ q: "carol@handcash" })).toEqual([recentPaid.id]);
    expect(await idsOf({ q: recentPending.id })).toEqual([recentPending.id]);
    expect(await idsOf({ q: recentPending.paymentRequestId! })).toEqual([recentPending.id]);
    expect(await idsOf({ q: otherProduct.transactionId! })).toEqual([otherProduct.id]);
    // Not paginated: the export holds every matching row, in the table's order.
    const { text } = await exportCsv({ sort: "createdAt", dir: "asc" }, cookie);
    expect(parseCsv(text)[1]?.[0]).toBe(old.id);
  });
});

describe("the orders table", () => {
  it("pages on the server, 25 rows at a time, in a stable order", async () => {
    const product = await createProduct(db);
    const start = Date.now() - DAY_MS;
    for (let index = 0; index < 30; index++) await insertOrder({ productId: product.id, createdAt: new Date(start + index * 1000) });
    const first = await listOrdersForAdmin({ query: orderListQuerySchema.parse({}) });
    const second = await listOrdersForAdmin({ query: orderListQuerySchema.parse({ page: "2" }) });
    expect(first).toMatchObject({ total: 30, pageCount: 2 });
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(5);
    const ids = [...first.rows, ...second.rows].map((row) => row.id);
    expect(new Set(ids).size).toBe(30);
    expect(first.rows[0]!.createdAt.getTime()).toBeGreaterThan(first.rows[1]!.createdAt.getTime());
  });

  it("sorts by amount and falls back to defaults on nonsense parameters", async () => {
    const product = await createProduct(db);
    await insertOrder({ productId: product.id, amount: 100 });
    await insertOrder({ productId: product.id, amount: 900 });
    await insertOrder({ productId: product.id, amount: 500 });
    const byAmount = await listOrdersForAdmin({ query: orderListQuerySchema.parse({ sort: "amount", dir: "asc" }) });
    expect(byAmount.rows.map((row) => row.amount)).toEqual([100, 500, 900]);
    expect(orderListQuerySchema.parse({ sort: "drop table", dir: "sideways", page: "-3", status: "BOGUS", from: "yesterday" })).toEqual({
      sort: "createdAt",
      dir: "desc",
      page: 1,
    });
  });
});
