import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from "../setup/test-config";

/**
 * Every admin page and route handler, found on disk, must refuse a visitor without a valid
 * session, so a page added later without its check fails here. (Server actions are covered the
 * same way by tests/integration/admin/actions-require-session.test.ts, which calls each export.)
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const ADMIN_DIR = path.join(ROOT, "app/admin");
const LOGIN_PATH = "/admin/login";
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function findFiles(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? findFiles(full, name) : entry.name === name ? [full] : [];
  });
}

/** app/admin/(panel)/orders/[orderId]/page.tsx → /admin/orders/e2e-missing-orderId */
function urlOf(file: string): string {
  const segments = path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[+\.{0,3}(\w+)\]+$/, "e2e-missing-$1"));
  return `/${segments.join("/")}`;
}

const pages = findFiles(ADMIN_DIR, "page.tsx").map(urlOf).sort();
const routes = findFiles(ADMIN_DIR, "route.ts").flatMap((file) => {
  const source = fs.readFileSync(file, "utf8");
  const methods = HTTP_METHODS.filter((method) => new RegExp(`export\\s+(async\\s+)?function\\s+${method}\\b|export\\s+const\\s+${method}\\b`).test(source));
  return methods.map((method) => ({ method, url: urlOf(file) }));
});
const protectedPages = pages.filter((url) => url !== LOGIN_PATH);
const FORGED_COOKIE = `tg_admin=${"A".repeat(43)}`;

test("the search finds the admin's pages and routes", () => {
  expect(pages).toEqual(
    expect.arrayContaining([
      "/admin",
      LOGIN_PATH,
      "/admin/products",
      "/admin/products/new",
      "/admin/orders",
      "/admin/orders/e2e-missing-orderId",
      "/admin/webhooks",
      "/admin/settings",
    ]),
  );
  expect(routes).toContainEqual({ method: "GET", url: "/admin/orders/export" });
});

for (const url of protectedPages) {
  test(`page ${url} sends visitors without a session to the sign-in page`, async ({ request, page }) => {
    const variants: Record<string, string>[] = [{}, { cookie: FORGED_COOKIE }, { accept: "text/html" }, { accept: "text/html", cookie: FORGED_COOKIE }];
    for (const headers of variants) {
      const response = await request.get(url, { headers, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(headers)).toBe(307);
      expect(new URL(response.headers().location!, "http://x").pathname).toBe(LOGIN_PATH);
      expect(await response.text()).not.toContain("Signed in as");
    }
    await page.goto(url);
    await expect(page).toHaveURL(new RegExp(`${LOGIN_PATH}(\\?|$)`));
    await expect(page.getByRole("heading", { name: "Sign in to the admin" })).toBeVisible();
  });
}

for (const { method, url } of routes) {
  test(`route ${method} ${url} answers 401 without a session`, async ({ request }) => {
    const variants: Record<string, string>[] = [{}, { cookie: FORGED_COOKIE }];
    for (const headers of variants) {
      const response = await request.fetch(url, { method, headers, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(headers)).toBe(401);
      if (method !== "HEAD") expect(await response.json()).toEqual({ error: expect.any(String) });
    }
  });
}

test("the sign-in page itself is open, and everything above opens once signed in", async ({ page }) => {
  await page.goto(LOGIN_PATH);
  await page.getByLabel("Email").fill(TEST_ADMIN_EMAIL);
  await page.getByLabel("Password").fill(TEST_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  for (const url of protectedPages) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    // Made-up ids are "not found" for the owner: the point is that the session check let them through.
    expect([200, 404], url).toContain(response.status());
  }
  for (const { method, url } of routes) {
    expect((await page.request.fetch(url, { method, maxRedirects: 0 })).status(), `${method} ${url}`).toBe(200);
  }
});
