import { describe, expect, it } from "vitest";
import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS } from "@/server/admin/login-throttle";
import { getAdminSession } from "@/server/admin/get-admin-session";
import { logInAdmin } from "@/server/admin/log-in-admin";
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from "../../setup/test-config";
import { db } from "../helpers";

const IP = "203.0.113.10";

async function attempt(overrides: Partial<Parameters<typeof logInAdmin>[0]> = {}) {
  return logInAdmin({ email: TEST_ADMIN_EMAIL, password: "wrong-password-123", ip: IP, userAgent: "vitest", ...overrides });
}

describe("owner login", () => {
  it("opens a session for the right email (any case) and password, and records the attempt", async () => {
    const result = await attempt({ email: TEST_ADMIN_EMAIL.toUpperCase(), password: TEST_ADMIN_PASSWORD });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await getAdminSession({ token: result.token })).toMatchObject({ email: TEST_ADMIN_EMAIL });
    expect(await db.loginAttempt.findMany({ select: { email: true, ip: true, isSuccess: true } })).toEqual([{ email: TEST_ADMIN_EMAIL, ip: IP, isSuccess: true }]);
  });

  it("refuses a wrong password, records the failure and opens no session", async () => {
    expect(await attempt()).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await db.adminSession.count()).toBe(0);
    expect(await db.loginAttempt.count({ where: { isSuccess: false } })).toBe(1);
  });
});

describe("login throttling: 5 failures per 15 minutes", () => {
  it("answers the 6th attempt for an email with 'throttled' (429), even with the right password", async () => {
    const now = new Date();
    for (let failure = 1; failure <= LOGIN_MAX_FAILURES; failure++) {
      // Different addresses: the email alone triggers the limit.
      expect(await attempt({ ip: `203.0.113.${failure}`, now: new Date(now.getTime() + failure * 1000) })).toMatchObject({ reason: "invalid_credentials" });
    }
    const sixth = await attempt({ ip: "203.0.113.99", password: TEST_ADMIN_PASSWORD, now: new Date(now.getTime() + 10_000) });
    expect(sixth).toMatchObject({ ok: false, reason: "throttled" });
    if (sixth.ok || sixth.reason !== "throttled") return;
    // Locked until the first failure leaves the 15-minute window.
    expect(sixth.retryAfterSeconds).toBe((LOGIN_WINDOW_MS + 1000 - 10_000) / 1000);
    expect(await db.adminSession.count()).toBe(0);
    // A throttled attempt is not checked, so it is not recorded as another failure.
    expect(await db.loginAttempt.count()).toBe(LOGIN_MAX_FAILURES);
  });

  it("limits an IP address trying many emails", async () => {
    const now = new Date();
    for (let failure = 1; failure <= LOGIN_MAX_FAILURES; failure++) {
      await attempt({ email: `guess-${failure}@example.com`, now });
    }
    expect(await attempt({ email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD, now })).toMatchObject({ ok: false, reason: "throttled" });
    // The owner elsewhere is not affected by that address.
    expect(await attempt({ ip: "192.0.2.50", password: TEST_ADMIN_PASSWORD, now })).toMatchObject({ ok: true });
  });

  it("counts the email case-insensitively", async () => {
    const now = new Date();
    for (let failure = 1; failure <= LOGIN_MAX_FAILURES; failure++) {
      await attempt({ email: failure % 2 ? TEST_ADMIN_EMAIL.toUpperCase() : TEST_ADMIN_EMAIL, ip: `198.51.100.${failure}`, now });
    }
    expect(await attempt({ ip: "198.51.100.200", now })).toMatchObject({ reason: "throttled" });
  });

  it("four failures are not enough, and the lock lifts once the failures are 15 minutes old", async () => {
    const start = new Date();
    for (let failure = 1; failure < LOGIN_MAX_FAILURES; failure++) await attempt({ now: start });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, now: start })).toMatchObject({ ok: true });

    await attempt({ now: start });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, now: start })).toMatchObject({ reason: "throttled" });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, now: new Date(start.getTime() + LOGIN_WINDOW_MS + 1000) })).toMatchObject({ ok: true });
  });

  it("lets a burst of concurrent guesses through five at a time, whatever their addresses", async () => {
    const now = new Date();
    // Each guess from its own address, all at once: only the per-email count can stop them, and
    // only if each guess sees the others before it checks the password.
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => attempt({ ip: `192.0.2.${index + 1}`, now })));
    expect(results.filter((result) => !result.ok && result.reason === "invalid_credentials")).toHaveLength(LOGIN_MAX_FAILURES);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(20 - LOGIN_MAX_FAILURES);
    expect(await db.loginAttempt.count()).toBe(LOGIN_MAX_FAILURES);
  });

  it("does not count a right password reserved among concurrent guesses as a failure", async () => {
    const now = new Date();
    const results = await Promise.all([attempt({ now }), attempt({ password: TEST_ADMIN_PASSWORD, now }), attempt({ now })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.loginAttempt.count({ where: { isSuccess: false } })).toBe(2);
    expect(await db.loginAttempt.count({ where: { isSuccess: true } })).toBe(1);
  });
});
