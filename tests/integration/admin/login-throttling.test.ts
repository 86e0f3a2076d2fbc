import { describe, expect, it } from "vitest";
import { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_MAX_FAILURES_PER_EMAIL, LOGIN_WINDOW_MS } from "@/server/admin/login-throttle";
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
    expect(await db.loginAttempt.findMany({ select: { email: true, ip: true, deviceId: true, isSuccess: true } })).toEqual([
      { email: TEST_ADMIN_EMAIL, ip: IP, deviceId: null, isSuccess: true },
    ]);
  });

  it("refuses a wrong password, records the failure and opens no session", async () => {
    expect(await attempt()).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await db.adminSession.count()).toBe(0);
    expect(await db.loginAttempt.count({ where: { isSuccess: false } })).toBe(1);
  });
});

/**
 * Failures from browsers that are not the owner's, written as the throttle records them: by default
 * for the owner's email, each from its own address, as a distributed attack leaves them.
 */
async function seedStrangersFailures(count: number, now: Date, { ip, email }: { ip?: string; email?: (index: number) => string } = {}) {
  await db.loginAttempt.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      email: email?.(index) ?? TEST_ADMIN_EMAIL,
      ip: ip ?? `10.${index >> 8}.${index & 255}.1`,
      isSuccess: false,
      createdAt: now,
    })),
  });
}

/** Signs in once with the right password and returns the known-device token the browser was given. */
async function knownDeviceToken(now: Date): Promise<string> {
  const result = await attempt({ password: TEST_ADMIN_PASSWORD, ip: "192.0.2.200", now });
  if (!result.ok || !result.deviceToken) throw new Error("signing in gave no device token");
  return result.deviceToken;
}

describe("login throttling from an unknown browser, per 15 minutes", () => {
  it("answers the 6th attempt from one address for an email with 'throttled' (429), even with the right password", async () => {
    const now = new Date();
    for (let failure = 1; failure <= LOGIN_MAX_FAILURES; failure++) {
      expect(await attempt({ now: new Date(now.getTime() + failure * 1000) })).toMatchObject({ reason: "invalid_credentials" });
    }
    const sixth = await attempt({ password: TEST_ADMIN_PASSWORD, now: new Date(now.getTime() + 10_000) });
    expect(sixth).toMatchObject({ ok: false, reason: "throttled" });
    if (sixth.ok || sixth.reason !== "throttled") return;
    // Locked until the first failure leaves the 15-minute window.
    expect(sixth.retryAfterSeconds).toBe((LOGIN_WINDOW_MS + 1000 - 10_000) / 1000);
    expect(await db.adminSession.count()).toBe(0);
    // A throttled attempt is not checked, so it is not recorded as another failure.
    expect(await db.loginAttempt.count()).toBe(LOGIN_MAX_FAILURES);
  });

  it("does not lock the owner out when others fail with the owner's email from their own addresses", async () => {
    const now = new Date();
    for (let failure = 1; failure <= LOGIN_MAX_FAILURES + 1; failure++) {
      expect(await attempt({ ip: `203.0.113.${failure}`, now })).toMatchObject({ reason: "invalid_credentials" });
    }
    expect(await attempt({ ip: "198.51.100.77", password: TEST_ADMIN_PASSWORD, now })).toMatchObject({ ok: true });
  });

  it("counts every address of an IPv6 /64 as one", async () => {
    const now = new Date();
    for (let failure = 1; failure <= LOGIN_MAX_FAILURES; failure++) await attempt({ ip: `2001:db8:7:7::${failure.toString(16)}`, now });
    expect(await attempt({ ip: "2001:db8:7:7:ffff::1", password: TEST_ADMIN_PASSWORD, now })).toMatchObject({ reason: "throttled" });
    expect(await attempt({ ip: "2001:db8:7:8::1", password: TEST_ADMIN_PASSWORD, now })).toMatchObject({ ok: true });
  });

  it("limits an address trying many emails, so it cannot make us hash passwords without end", async () => {
    const now = new Date();
    await seedStrangersFailures(LOGIN_MAX_FAILURES_PER_ADDRESS - 1, now, { ip: IP, email: (index) => `guess-${index}@example.com` });
    expect(await attempt({ email: "guess-last@example.com", now })).toMatchObject({ reason: "invalid_credentials" });
    expect(await attempt({ email: "guess-new@example.com", now })).toMatchObject({ reason: "throttled" });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, now })).toMatchObject({ ok: false, reason: "throttled" });
    // The owner elsewhere is not affected by that address.
    expect(await attempt({ ip: "192.0.2.50", password: TEST_ADMIN_PASSWORD, now })).toMatchObject({ ok: true });
  });

  it("stops guesses spread over many addresses at the per-email ceiling", async () => {
    const now = new Date();
    await seedStrangersFailures(LOGIN_MAX_FAILURES_PER_EMAIL - 1, now);
    expect(await attempt({ ip: "198.51.100.1", now })).toMatchObject({ reason: "invalid_credentials" });
    expect(await attempt({ ip: "198.51.100.2", password: TEST_ADMIN_PASSWORD, now })).toMatchObject({ reason: "throttled" });
  });

  it("counts the email case-insensitively", async () => {
    const now = new Date();
    for (let failure = 1; failure <= LOGIN_MAX_FAILURES; failure++) {
      await attempt({ email: failure % 2 ? TEST_ADMIN_EMAIL.toUpperCase() : TEST_ADMIN_EMAIL, now });
    }
    expect(await attempt({ now })).toMatchObject({ reason: "throttled" });
  });

  it("four failures are not enough, and the lock lifts once the failures are 15 minutes old", async () => {
    const start = new Date();
    for (let failure = 1; failure < LOGIN_MAX_FAILURES; failure++) await attempt({ now: start });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, now: start })).toMatchObject({ ok: true });

    await attempt({ now: start });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, now: start })).toMatchObject({ reason: "throttled" });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, now: new Date(start.getTime() + LOGIN_WINDOW_MS + 1000) })).toMatchObject({ ok: true });
  });

  it("lets a burst of concurrent guesses from one address through five at a time", async () => {
    const now = new Date();
    // All at once: the count stops them only if each guess sees the others before it checks the password.
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt({ now })));
    expect(results.filter((result) => !result.ok && result.reason === "invalid_credentials")).toHaveLength(LOGIN_MAX_FAILURES);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(20 - LOGIN_MAX_FAILURES);
    expect(await db.loginAttempt.count()).toBe(LOGIN_MAX_FAILURES);
  });

  it("holds the per-email ceiling exactly against a burst from many addresses", async () => {
    const now = new Date();
    await seedStrangersFailures(LOGIN_MAX_FAILURES_PER_EMAIL - 2, now);
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => attempt({ ip: `192.0.2.${index + 1}`, now })));
    expect(results.filter((result) => !result.ok && result.reason === "invalid_credentials")).toHaveLength(2);
    expect(await db.loginAttempt.count({ where: { isSuccess: false } })).toBe(LOGIN_MAX_FAILURES_PER_EMAIL);
  });

  it("does not count a right password reserved among concurrent guesses as a failure", async () => {
    const now = new Date();
    const results = await Promise.all([attempt({ now }), attempt({ password: TEST_ADMIN_PASSWORD, now }), attempt({ now })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.loginAttempt.count({ where: { isSuccess: false } })).toBe(2);
    expect(await db.loginAttempt.count({ where: { isSuccess: true } })).toBe(1);
  });
});

describe("the owner's known browser", () => {
  it("is given a device token on its first sign-in, and only the token's hash is kept", async () => {
    const now = new Date();
    const token = await knownDeviceToken(now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [device] = await db.adminDevice.findMany();
    expect(device).toMatchObject({ email: TEST_ADMIN_EMAIL });
    expect(JSON.stringify(device)).not.toContain(token);
    // Signing in again from it issues nothing new.
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, deviceToken: token, now })).toMatchObject({ ok: true, deviceToken: null });
    expect(await db.adminDevice.count()).toBe(1);
  });

  it("signs in while strangers have used up the email's ceiling and its own address's limit", async () => {
    const now = new Date();
    const token = await knownDeviceToken(now);
    await seedStrangersFailures(LOGIN_MAX_FAILURES_PER_EMAIL, now);
    await seedStrangersFailures(LOGIN_MAX_FAILURES, now, { ip: IP });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, now })).toMatchObject({ reason: "throttled" });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, deviceToken: token, now })).toMatchObject({ ok: true });
  });

  it("has five failures of its own, which lock that browser only", async () => {
    const now = new Date();
    const token = await knownDeviceToken(now);
    for (let failure = 1; failure <= LOGIN_MAX_FAILURES; failure++) {
      expect(await attempt({ deviceToken: token, now })).toMatchObject({ reason: "invalid_credentials" });
    }
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, deviceToken: token, now })).toMatchObject({ reason: "throttled" });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, now })).toMatchObject({ ok: true });
  });

  it.each([
    ["malformed", "not-a-device-token"],
    ["well-formed but unknown", "A".repeat(43)],
  ])("a %s device token counts as an unknown browser", async (_label, deviceToken) => {
    const now = new Date();
    await seedStrangersFailures(LOGIN_MAX_FAILURES, now, { ip: IP });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, deviceToken, now })).toMatchObject({ reason: "throttled" });
  });

  it("is known for the email it signed in with only", async () => {
    const now = new Date();
    const token = await knownDeviceToken(now);
    await db.adminDevice.updateMany({ data: { email: "previous-owner@example.com" } });
    await seedStrangersFailures(LOGIN_MAX_FAILURES, now, { ip: IP });
    expect(await attempt({ password: TEST_ADMIN_PASSWORD, deviceToken: token, now })).toMatchObject({ reason: "throttled" });
  });
});
