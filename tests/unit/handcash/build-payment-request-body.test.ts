import { describe, expect, it } from "vitest";
import { buildPaymentRequestBody, fitText } from "@/server/handcash/build-payment-request-body";

const BASE = {
  orderId: "ord_1",
  product: { title: "On Lighthouses", summary: "Why they still matter.", coverImageUrl: null },
  price: { amount: 250, currency: "USD" as const },
  receiver: "$tollgate",
  webhookUrl: "https://tollgate.example/api/webhooks/handcash",
  redirectUrl: "https://tollgate.example/articles/on-lighthouses",
};

describe("fitText", () => {
  it.each([
    ["a title that fits, unchanged", "On Lighthouses", 25, "On Lighthouses"],
    ["exactly the limit", "x".repeat(25), 25, "x".repeat(25)],
    ["cut after the last whole word, with an ellipsis", "The Quiet Economics of Tide Pools", 25, "The Quiet Economics of…"],
    ["trailing punctuation dropped before the ellipsis", "Harbours, Lights, and the Sea", 25, "Harbours, Lights, and…"],
    ["one long word cut inside", "Supercalifragilisticexpialidocious", 25, "Supercalifragilisticexpi…"],
    ["whitespace runs folded", "  A   quiet\n title ", 25, "A quiet title"],
  ])("%s", (_label, text, maxLength, expected) => {
    const fitted = fitText(text, maxLength);
    expect(fitted).toBe(expected);
    expect(fitted.length).toBeLessThanOrEqual(maxLength);
  });

  it("never splits a surrogate pair", () => {
    const fitted = fitText(`${"a".repeat(22)}😀😀😀`, 25);
    expect(fitted.length).toBeLessThanOrEqual(25);
    expect(fitted).toBe(`${"a".repeat(22)}😀…`);
  });
});

describe("buildPaymentRequestBody", () => {
  it("keeps a short title as the name and the summary as the description", () => {
    const body = buildPaymentRequestBody(BASE);
    expect(body.product).toEqual({ name: "On Lighthouses", description: "Why they still matter." });
    expect(body).toMatchObject({ instrumentCurrencyCode: "BSV", denominationCurrencyCode: "USD", receivers: [{ sendAmount: 2.5, destination: "$tollgate" }] });
    expect(body.notifications.webhook.customParameters).toEqual({ orderId: "ord_1" });
  });

  it("puts the whole of a long title at the head of the description, within 200 characters", () => {
    const title = "The Quiet Economics of Tide Pools and Harbour Towns";
    const body = buildPaymentRequestBody({ ...BASE, product: { ...BASE.product, title, summary: "word ".repeat(60) } });
    expect(body.product.name).toBe("The Quiet Economics of…");
    expect(body.product.description?.startsWith(`${title}. word`)).toBe(true);
    expect(body.product.description!.length).toBeLessThanOrEqual(200);
    expect(body.product.description!.endsWith("…")).toBe(true);
  });

  it("leaves the denomination out for a BSV price and sends BSV", () => {
    const body = buildPaymentRequestBody({ ...BASE, price: { amount: 125_000, currency: "BSV" } });
    expect(body).not.toHaveProperty("denominationCurrencyCode");
    expect(body.receivers).toEqual([{ sendAmount: 0.00125, destination: "$tollgate" }]);
  });

  it("sends only an https cover image", () => {
    expect(buildPaymentRequestBody({ ...BASE, product: { ...BASE.product, coverImageUrl: "https://cdn.example/c.png" } }).product.imageUrl).toBe(
      "https://cdn.example/c.png",
    );
    expect(buildPaymentRequestBody({ ...BASE, product: { ...BASE.product, coverImageUrl: "http://cdn.example/c.png" } }).product).not.toHaveProperty(
      "imageUrl",
    );
  });

  it("refuses URLs HandCash's spec refuses (plain http off localhost) before anything is sent", () => {
    expect(() => buildPaymentRequestBody({ ...BASE, webhookUrl: "http://127.0.0.1:3000/api/webhooks/handcash" })).toThrow(/https/);
    expect(buildPaymentRequestBody({ ...BASE, redirectUrl: "http://localhost:3000/articles/x" }).redirectUrl).toBe("http://localhost:3000/articles/x");
  });
});
