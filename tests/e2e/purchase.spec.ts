import { devices, type Page } from "@playwright/test";
import { SEED_ARTICLES } from "../../prisma/seed-articles";
import { expect, test } from "./fixtures";
import { E2E_EMULATOR_URL } from "./stack-config";

/** Seeded articles, one per test, so each test starts from a locked article. */
const [qrArticle, sameTabArticle, lockedArticle, lostWebhookArticle] = SEED_ARTICLES;
if (!qrArticle || !sameTabArticle || !lockedArticle || !lostWebhookArticle) throw new Error("The seed must hold at least four articles");

/**
 * Words that exist only in the premium part: the opening of its first paragraph, up to the first
 * character HTML might escape or Markdown might style, so a plain text search is meaningful.
 */
function premiumSentence(article: { body: string }): string {
  const firstParagraph =
    article.body
      .trim()
      .split("\n")
      .find((line) => line.trim() && !/^[#>*-]/.test(line.trim())) ?? "";
  const words = /^[A-Za-z0-9 ,]+/.exec(firstParagraph.trim())?.[0].trim() ?? "";
  if (words.length < 30) throw new Error(`The premium opening is too short to search for: "${words}"`);
  return words;
}

async function payInEmulator(page: Page, priceLabel: RegExp) {
  await expect(page.getByText(/Emulator/i).first()).toBeVisible();
  await page.getByLabel("Pay as").selectOption({ index: 1 });
  await page.getByRole("button", { name: priceLabel }).click();
}

test("a locked article sends only its preview to the browser", async ({ page, request }) => {
  const html = await (await request.get(`/articles/${lockedArticle.slug}`)).text();
  expect(html).toContain(lockedArticle.title);
  expect(html).not.toContain(premiumSentence(lockedArticle));

  await page.goto(`/articles/${lockedArticle.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: lockedArticle.title })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Unlock for / })).toBeVisible();
  await expect(page.getByTestId("premium-body")).toHaveCount(0);
});

test("paying from a second device unlocks the open page without a reload, and it stays unlocked", async ({ page, browser }) => {
  await page.goto(`/articles/${qrArticle.slug}`);
  await page.getByRole("button", { name: /^Unlock for / }).click();

  const payLink = page.getByRole("link", { name: "Pay with HandCash" });
  await expect(payLink).toBeVisible();
  const paymentRequestUrl = await payLink.getAttribute("href");
  expect(paymentRequestUrl).toMatch(new RegExp(`^${E2E_EMULATOR_URL}/pay/[0-9a-f]{24}$`));
  const qr = page.getByRole("img", { name: /QR code/ });
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole("status")).toContainText(/Waiting for payment… \d+:\d\d left/);

  // Mark this document: a reload or navigation would lose the mark.
  await page.evaluate(() => ((window as unknown as { unlockMark: string }).unlockMark = "same-document"));

  const phone = await browser.newPage();
  await phone.goto(paymentRequestUrl!);
  await expect(phone.getByText(qrArticle.title)).toBeVisible();
  await payInEmulator(phone, /^Pay /);
  await phone.close();

  await expect(page.getByTestId("premium-body")).toContainText(premiumSentence(qrArticle));
  expect(await page.evaluate(() => (window as unknown as { unlockMark?: string }).unlockMark)).toBe("same-document");
  await expect(page.getByRole("button", { name: /^Unlock for / })).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId("premium-body")).toContainText(premiumSentence(qrArticle));

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(`/articles/${qrArticle.slug}`);
  await expect(strangerPage.getByRole("button", { name: /^Unlock for / })).toBeVisible();
  expect(await strangerPage.content()).not.toContain(premiumSentence(qrArticle));
  await stranger.close();
});

test("paying in the same tab brings the reader back to the unlocked article", async ({ page }) => {
  await page.goto(`/articles/${sameTabArticle.slug}`);
  await page.getByRole("button", { name: /^Unlock for / }).click();
  await page.getByRole("link", { name: "Pay with HandCash" }).click();

  await expect(page).toHaveURL(new RegExp(`^${E2E_EMULATOR_URL}/pay/`));
  await payInEmulator(page, /^Pay /);

  await expect(page).toHaveURL(new RegExp(`/articles/${sameTabArticle.slug}\\?transactionId=[0-9a-f]{64}$`));
  await expect(page.getByTestId("premium-body")).toContainText(premiumSentence(sameTabArticle));

  await page.goto(`/articles/${sameTabArticle.slug}`);
  await expect(page.getByTestId("premium-body")).toBeVisible();
});

test("coming back from HandCash unlocks even when the webhook is lost", async ({ page, request }) => {
  await page.goto(`/articles/${lostWebhookArticle.slug}`);
  await page.getByRole("button", { name: /^Unlock for / }).click();
  const paymentRequestUrl = await page.getByRole("link", { name: "Pay with HandCash" }).getAttribute("href");
  const paymentRequestId = paymentRequestUrl!.split("/").at(-1)!;

  // HandCash takes the payment but its webhook never reaches us.
  const paid = await request.post(`${E2E_EMULATOR_URL}/_emulator/paymentRequests/${paymentRequestId}/pay`, { data: { delivery: "lost" } });
  expect(paid.status()).toBe(200);
  const { redirectUrl } = (await paid.json()) as { redirectUrl: string };

  await page.goto(redirectUrl);
  await expect(page.getByTestId("premium-body")).toContainText(premiumSentence(lostWebhookArticle));
  const deliveries = await (await request.get(`${E2E_EMULATOR_URL}/_emulator/deliveries?paymentRequestId=${paymentRequestId}`)).json();
  expect(deliveries.deliveries.every((delivery: { attemptCount: number }) => delivery.attemptCount === 0)).toBe(true);
});

test("on a phone the paywall offers the HandCash link, and no code to scan with that same phone", async ({ browser }) => {
  const phone = await browser.newContext({ ...devices["Pixel 7"] });
  const page = await phone.newPage();
  await page.goto(`/articles/${lockedArticle.slug}`);
  await page.getByRole("button", { name: /^Unlock for / }).click();
  await expect(page.getByRole("link", { name: "Pay with HandCash" })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeHidden();
  await expect(page.getByText(/Scan the code/)).toBeHidden();
  await phone.close();

  // A computer still gets the code, for paying with the app on a phone.
  const desktop = await browser.newPage();
  await desktop.goto(`/articles/${lockedArticle.slug}`);
  await desktop.getByRole("button", { name: /^Unlock for / }).click();
  await expect(desktop.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expect(desktop.getByText("HandCash app on your phone? Scan the code instead.")).toBeVisible();
  await desktop.close();
});
