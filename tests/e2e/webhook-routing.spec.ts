import { expect, test } from "./fixtures";

/**
 * HandCash does not follow redirects and retries anything but 200: the webhook URL must reach
 * the handler as pasted, with or without a trailing slash, and never bounce to a page.
 */
for (const path of ["/api/webhooks/handcash", "/api/webhooks/handcash/"]) {
  test(`POST ${path} reaches the handler without a redirect`, async ({ request }) => {
    const response = await request.post(path, { data: { appSecret: "not-the-secret" }, maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: "Invalid or missing appSecret." });
  });
}

test("other methods on the webhook get 405, not a page", async ({ request }) => {
  const response = await request.get("/api/webhooks/handcash", { maxRedirects: 0 });
  expect(response.status()).toBe(405);
});
