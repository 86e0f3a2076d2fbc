import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as exportOrders } from "@/app/admin/(panel)/orders/export/route";
import { ADMIN_SESSION_IDLE_MS, ADMIN_SESSION_MAX_AGE_MS } from "@/server/admin/admin-session-token";
import { createAdminSession } from "@/server/admin/create-admin-session";
import { deleteAdminSession } from "@/server/admin/delete-admin-session";
import { getAdminSession } from "@/server/admin/get-admin-session";
import { requireAdminSessionForRequest } from "@/server/admin/require-admin-session";
import { AppError } from "@/server/errors";
import { TEST_ADMIN_EMAIL, TEST_APP_URL } from "../../setup/test-config";
import { db } from "../helpers";

const HOUR_MS = 60 * 60 * 1000;

describe("admin sessions", () => {
  it("keeps only the SHA-256 of a random 32-byte token, with a 12-hour absolute expiry", async () => {
    const now = new Date();
    const { token, expiresAt } = await createAdminSession({ email: TEST_ADMIN_EMAIL, ip: "198.51.100.1", userAgent: "test-agent", now });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(expiresAt.getTime() - now.getTime()).toBe(ADMIN_SESSION_MAX_AGE_MS);
    expect(ADMIN_SESSION_MAX_AGE_MS).toBe(12 * HOUR_MS);

    const row = await db.adminSession.findFirstOrThrow();
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ email: TEST_ADMIN_EMAIL, ip: "198.51.100.1", userAgent: "test-agent" });
  });

  it("finds a live session by its token and names the actor for audit logs", async () => {
    const { token } = await createAdminSession({ email: TEST_ADMIN_EMAIL, ip: "198.51.100.1", userAgent: null });
    const session = await getAdminSession({ token });
    expect(session).toMatchObject({ email: TEST_ADMIN_EMAIL, actor: `admin:${TEST_ADMIN_EMAIL}` });
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["malformed", "not a token"],
    ["well-formed but unknown", crypto.randomBytes(32).toString("base64url")],
  ])("refuses a %s token", async (_name, token) => {
    await createAdminSession({ email: TEST_ADMIN_EMAIL, ip: "198.51.100.1", userAgent: null });
    expect(await getAdminSession({ token })).toBeNull();
  });

  it("ends after 12 hours however active the owner is, and deletes the row", async () => {
    const start = new Date();
    const { token } = await createAdminSession({ email: TEST_ADMIN_EMAIL, ip: "198.51.100.1", userAgent: null, now: start });
    // Active every hour: the idle limit never bites, the absolute one does.
    for (let hour = 1; hour < 12; hour++) {
      expect(await getAdminSession({ token, now: new Date(start.getTime() + hour * HOUR_MS) })).not.toBeNull();
    }
    expect(await getAdminSession({ token, now: new Date(start.getTime() + 12 * HOUR_MS) })).toBeNull();
    expect(await db.adminSession.count()).toBe(0);
  });

  it("slides: activity moves lastSeenAt, and two idle hours end the session", async () => {
    const start = new Date();
    const { token } = await createAdminSession({ email: TEST_ADMIN_EMAIL, ip: "198.51.100.1", userAgent: null, now: start });
    const active = new Date(start.getTime() + HOUR_MS);
    expect(await getAdminSession({ token, now: active })).not.toBeNull();
    expect((await db.adminSession.findFirstOrThrow()).lastSeenAt.getTime()).toBe(active.getTime());

    expect(await getAdminSession({ token, now: new Date(active.getTime() + ADMIN_SESSION_IDLE_MS - 1000) })).not.toBeNull();
    const lastSeen = (await db.adminSession.findFirstOrThrow()).lastSeenAt.getTime();
    expect(await getAdminSession({ token, now: new Date(lastSeen + ADMIN_SESSION_IDLE_MS + 1000) })).toBeNull();
    expect(await db.adminSession.count()).toBe(0);
  });

  it("ends sessions of an email that is no longer ADMIN_EMAIL", async () => {
    const { token } = await createAdminSession({ email: "former-owner@tollgate.test", ip: "198.51.100.1", userAgent: null });
    expect(await getAdminSession({ token })).toBeNull();
  });

  it("logout deletes the row, so the same cookie no longer works", async () => {
    const { token } = await createAdminSession({ email: TEST_ADMIN_EMAIL, ip: "198.51.100.1", userAgent: null });
    const other = await createAdminSession({ email: TEST_ADMIN_EMAIL, ip: "198.51.100.2", userAgent: null });
    await deleteAdminSession({ token });
    expect(await getAdminSession({ token })).toBeNull();
    expect(await getAdminSession({ token: other.token })).not.toBeNull();
  });
});

describe("route handlers' session check", () => {
  it("throws UNAUTHORIZED without a valid cookie and returns the session with one", async () => {
    const { token } = await createAdminSession({ email: TEST_ADMIN_EMAIL, ip: "198.51.100.1", userAgent: null });
    const url = `${TEST_APP_URL}/admin/orders/export`;
    await expect(requireAdminSessionForRequest(new Request(url))).rejects.toBeInstanceOf(AppError);
    await expect(requireAdminSessionForRequest(new Request(url, { headers: { cookie: "tg_admin=forged" } }))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(requireAdminSessionForRequest(new Request(url, { headers: { cookie: `theme=dark; tg_admin=${token}` } }))).resolves.toMatchObject({
      email: TEST_ADMIN_EMAIL,
    });
  });

  it("the CSV export answers 401 JSON to anyone without a session", async () => {
    const response = await exportOrders(
      new Request(`${TEST_APP_URL}/admin/orders/export`, { headers: { cookie: `tg_admin=${crypto.randomBytes(32).toString("base64url")}` } }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ error: "Sign in to the admin first." });
  });
});
