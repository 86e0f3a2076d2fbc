import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { SEED_ARTICLES } from "../../prisma/seed-articles";
import { TEST_BUILD_DIR, TEST_BUILD_ENV } from "../../scripts/lib/test-build";

/**
 * What a reader's browser downloads to open the two public pages, in the production build the e2e
 * stack serves. zod stays on the server (the paywall checks answers with lib/order-responses.ts);
 * the budgets leave a little room above today's figures, so a heavy new client dependency fails here
 * rather than in a reader's data plan.
 */

const ARTICLE = SEED_ARTICLES[0]!;
const PAGES = [
  { route: "/", url: "/", budgetGzipKb: 140 },
  { route: "/articles/[slug]", url: `/articles/${ARTICLE.slug}`, budgetGzipKb: 150 },
];

interface Download {
  url: string;
  body: Buffer;
  encodedBytes: number;
}

/** Every script the page loads, with what went over the wire for it (gzip, as `next start` sends it). */
async function loadScripts(page: Page, url: string): Promise<Download[]> {
  const scripts: Promise<Download | null>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(
      (async () => {
        const body = await response.body();
        const sizes = await response.request().sizes();
        return { url: response.url(), body, encodedBytes: sizes.responseBodySize };
      })().catch(() => null),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  return (await Promise.all(scripts)).filter((download): download is Download => download !== null);
}

/** The figures `npm run build` prints, for the build this stack serves. */
function readReportedSizes(): Array<{ route: string; files: number; gzipBytes: number }> {
  const output = execFileSync(process.execPath, ["--import", "tsx", "scripts/report-route-sizes.ts", "--json"], {
    env: { ...process.env, ...TEST_BUILD_ENV },
    encoding: "utf8",
  });
  return JSON.parse(output);
}

test("the stack serves the build in the test build folder, not the .next of npm run dev", async ({ request }) => {
  const buildId = fs.readFileSync(path.join(TEST_BUILD_DIR, "BUILD_ID"), "utf8").trim();
  expect(await (await request.get("/")).text()).toContain(buildId);
});

for (const { route, url, budgetGzipKb } of PAGES) {
  test(`${route} loads no zod and at most ${budgetGzipKb} kB of JavaScript, as npm run build reports`, async ({ page }) => {
    const scripts = await loadScripts(page, url);
    const gzipKb = scripts.reduce((sum, { encodedBytes }) => sum + encodedBytes, 0) / 1024;
    console.log(`[page weight] ${route}: ${scripts.length} scripts, ${gzipKb.toFixed(1)} kB gzip`);

    expect(scripts.filter(({ body }) => body.includes("ZodError")).map(({ url: scriptUrl }) => scriptUrl)).toEqual([]);
    expect(gzipKb).toBeLessThanOrEqual(budgetGzipKb);
    const reported = readReportedSizes().find((size) => size.route === route);
    expect(reported?.files).toBe(scripts.length);
    // The report compresses each file itself; the server's gzip may differ by a few bytes per file.
    expect(Math.abs((reported?.gzipBytes ?? 0) / 1024 - gzipKb)).toBeLessThan(2);
  });
}
