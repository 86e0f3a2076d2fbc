import { expect, test } from "@playwright/test";

/** Every browser asks for /favicon.ico; the app answers it and names its icons in every page. */
test("the site has a tab icon: /favicon.ico and the SVG icon answer, and pages link them", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/x-icon");
  const svg = await request.get(
    (await request.get("/").then((response) => response.text())).match(/<link rel="icon" href="(\/icon\.svg[^"]*)"/)?.[1] ?? "/icon.svg",
  );
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml");

  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/");
  await page.goto("/admin/login");
  expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
  expect(missing).toEqual([]);
});
