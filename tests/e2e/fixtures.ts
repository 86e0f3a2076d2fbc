import { type BrowserContext, test as base, expect } from "@playwright/test";

/** What Chromium writes to the console when a page breaks its Content-Security-Policy or Permissions-Policy. */
const POLICY_COMPLAINT = /Content[- ]Security[- ]Policy|Permissions-Policy/i;

/**
 * The test every browser spec uses: it fails on any policy complaint in the console of any page the
 * test opens (its own context, or one it makes with browser.newContext), so the pages are proven
 * to work under the headers proxy.ts sends, not merely to load. A test that provokes a violation on
 * purpose asserts on `policyViolations` and empties it.
 */
export const test = base.extend<{ policyViolations: string[] }>({
  policyViolations: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      const watch = (watched: BrowserContext) => {
        watched.on("console", (message) => {
          if (POLICY_COMPLAINT.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
        });
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        watch(created);
        return created;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "pages broke their Content-Security-Policy or Permissions-Policy").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
