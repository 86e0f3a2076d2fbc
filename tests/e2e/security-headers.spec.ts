import type { Page } from "@playwright/test";
import { SEED_ARTICLES } from "../../prisma/seed-articles";
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from "../setup/test-config";
import { expect, test } from "./fixtures";
import { E2E_APP_URL } from "./stack-config";

/**
 * Every page carries a nonce-based Content-Security-Policy, frame rules that refuse every frame,
 * and a Permissions-Policy (proxy.ts, server/security/security-headers.ts). The fixture fails any
 * test whose pages break the policy, so the other specs prove the pages work under it; this one
 * proves the policy is there and bites.
 */
const article = SEED_ARTICLES[0]!;

function nonceOf(policy: string): string {
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  if (!nonce) throw new Error(`no nonce in ${policy}`);
  return nonce;
}

async function signIn(page: Page) {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(TEST_ADMIN_EMAIL);
  await page.getByLabel("Password").fill(TEST_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

for (const [label, path] of [
  ["the home page", "/"],
  ["an article", `/articles/${article.slug}`],
  ["the sign-in page", "/admin/login"],
  ["a page that does not exist", "/no-such-page"],
  ["an API path that does not exist", "/api/no-such-route"],
] as const) {
  test(`${label} has a fresh nonce on every script, no frames and no powerful features`, async ({ page }) => {
    const response = (await page.goto(path))!;
    const headers = response.headers();
    const policy = headers["content-security-policy"] ?? "";
    expect(policy).toContain("script-src 'self' 'nonce-");
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // The test stack is served over http, so no HSTS here (the unit tests cover https).
    expect(headers["strict-transport-security"]).toBeUndefined();

    const nonce = nonceOf(policy);
    const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((scriptNonce) => scriptNonce === nonce)).toBe(true);
    const again = (await page.request.get(path)).headers()["content-security-policy"] ?? "";
    expect(nonceOf(again)).not.toBe(nonce);
  });
}

test("the admin's pages carry the policy and work under it", async ({ page }) => {
  await signIn(page);
  for (const path of ["/admin/orders", "/admin/products", "/admin/products/new", "/admin/webhooks", "/admin/settings"]) {
    const response = (await page.goto(path))!;
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});

test("an injected event handler does not run, and the browser reports the violation", async ({ page, policyViolations }) => {
  await page.goto(`/articles/${article.slug}`);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img id="injected" src="/no-such-image.png" onerror="document.body.dataset.injected = \'ran\'">');
  });
  await expect.poll(() => policyViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
  expect(policyViolations.join("\n")).toMatch(/inline event handler/);
  policyViolations.length = 0;
});

test("the site cannot be framed by another page", async ({ page, policyViolations }) => {
  await page.setContent(`<iframe id="framed" src="${E2E_APP_URL}/articles/${article.slug}"></iframe>`);
  const frame = page.frameLocator("#framed");
  await expect.poll(() => policyViolations.join("\n")).toMatch(/frame-ancestors|Refused to display/);
  await expect(frame.getByRole("heading", { level: 1 })).toHaveCount(0);
  policyViolations.length = 0;
});
