import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from "../../setup/test-config";
import { db } from "../helpers";
import { isRedirectTo, signedInOwner } from "./admin-fixtures";

/**
 * Every export of every app/admin/**\/actions.ts is a public POST endpoint. This finds them on
 * disk, so an action added later without a session check fails here. Server actions read the
 * cookie through next/headers, which only exists inside a Next request: it is replaced by a
 * cookie jar the test controls. The same actions must also turn a crafted field (a NUL, which no
 * form input can type and PostgreSQL cannot store) into a form error rather than a failed write.
 */
const request = vi.hoisted(() => ({
  token: undefined as string | undefined,
  deviceToken: undefined as string | undefined,
  setCookies: [] as { name: string; value: string; options: Record<string, unknown> }[],
  deletedCookies: [] as unknown[],
}));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      const value = { tg_admin: request.token, tg_admin_device: request.deviceToken }[name];
      return value === undefined ? undefined : { name, value };
    },
    set: (name: string, value: string, options: Record<string, unknown>) => request.setCookies.push({ name, value, options }),
    delete: (cookie: unknown) => request.deletedCookies.push(cookie),
  }),
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "192.0.2.44" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

const ROOT = path.resolve(import.meta.dirname, "../../..");
const ADMIN_DIR = path.join(ROOT, "app/admin");

/** Actions that must work without a session, and why. */
const PUBLIC_ACTIONS: Record<string, string> = { "app/admin/login/actions.ts#logIn": "signing in is how a session starts" };

function findActionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findActionFiles(full);
    return entry.name === "actions.ts" ? [full] : [];
  });
}

type Action = (...args: unknown[]) => Promise<unknown>;

async function loadActions(): Promise<{ id: string; action: Action }[]> {
  const found: { id: string; action: Action }[] = [];
  for (const file of findActionFiles(ADMIN_DIR)) {
    expect(fs.readFileSync(file, "utf8").trimStart().startsWith('"use server"'), `${file} must start with "use server"`).toBe(true);
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      expect(typeof value, `${file} exports ${name}, which is not an action`).toBe("function");
      found.push({ id: `${path.relative(ROOT, file)}#${name}`, action: value as Action });
    }
  }
  return found;
}

const actions = await loadActions();
const protectedActions = actions.filter(({ id }) => !(id in PUBLIC_ACTIONS));

async function dataRows() {
  const [products, orders, audit, sessions, entitlements, events] = await Promise.all([
    db.product.count(),
    db.order.count(),
    db.auditLog.count(),
    db.adminSession.count(),
    db.entitlement.count(),
    db.orderEvent.count(),
  ]);
  return { products, orders, audit, sessions, entitlements, events };
}

/** A form that names real rows, so a missing check would reach the domain code, not stop at validation. */
async function plausibleForm(): Promise<FormData> {
  const product = await db.product.create({
    data: { slug: `p-${Date.now()}`, title: "T", summary: "S", preview: "P", body: "B", priceAmount: 100, currency: "USD", published: true },
  });
  const form = new FormData();
  for (const [key, value] of Object.entries({
    productId: product.id,
    orderId: "order-id",
    webhookEventId: "event-id",
    reason: "testing",
    published: "false",
    title: "New title",
    summary: "S",
    preview: "P",
    body: "B",
    price: "1.00",
    currency: "USD",
  })) {
    form.set(key, value);
  }
  return form;
}

beforeEach(() => {
  request.token = undefined;
  request.deviceToken = undefined;
  request.setCookies.length = 0;
  request.deletedCookies.length = 0;
});

describe("admin server actions, found on disk", () => {
  it("includes every action the admin uses (the search works)", () => {
    const ids = actions.map(({ id }) => id.split("#")[1]);
    for (const name of [
      "logIn",
      "logOut",
      "createProduct",
      "updateProduct",
      "setPublished",
      "deleteProduct",
      "recheckOrder",
      "expireOrder",
      "grantAccess",
      "revokeAccess",
      "markRefunded",
      "matchOrphan",
    ]) {
      expect(ids).toContain(name);
    }
    expect(Object.keys(PUBLIC_ACTIONS).every((id) => actions.some((action) => action.id === id))).toBe(true);
  });

  describe.each(protectedActions.map(({ id, action }) => [id, action] as const))("%s", (_id, action) => {
    it.each([
      ["no cookie", undefined],
      ["a forged cookie", "A".repeat(43)],
    ])("with %s: redirects to the sign-in page and changes nothing", async (_case, token) => {
      const form = await plausibleForm();
      const before = await dataRows();
      request.token = token;
      const error = await action(null, form).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isRedirectTo(error, "/admin/login")).toBe(true);
      expect(await dataRows()).toEqual(before);
    });
  });

  it.each(protectedActions.filter(({ id }) => !id.endsWith("#logOut")).map(({ id, action }) => [id, action] as const))(
    "%s runs for a signed-in owner (the refusal above is the session check, not something else)",
    async (_id, action) => {
      request.token = (await signedInOwner()).token;
      const result = await action(null, new FormData());
      expect(result).toMatchObject({ ok: false, fieldErrors: expect.any(Object) });
      expect(Object.keys((result as { fieldErrors: object }).fieldErrors).length).toBeGreaterThan(0);
    },
  );
});

describe("sign in and out through the actions", () => {
  const logIn = actions.find(({ id }) => id.endsWith("#logIn"))!.action;
  const logOut = actions.find(({ id }) => id.endsWith("#logOut"))!.action;
  const createProduct = actions.find(({ id }) => id.endsWith("#createProduct"))!.action;

  function loginForm(password: string, next = "/admin/orders?status=PAID"): FormData {
    const form = new FormData();
    form.set("email", TEST_ADMIN_EMAIL);
    form.set("password", password);
    form.set("next", next);
    return form;
  }

  it("sets an HttpOnly, SameSite=Lax session cookie scoped to /admin and goes where the owner was heading", async () => {
    const error = await logIn(null, loginForm(TEST_ADMIN_PASSWORD)).catch((caught: unknown) => caught);
    expect(isRedirectTo(error, "/admin/orders?status=PAID")).toBe(true);
    const cookie = request.setCookies.find(({ name }) => name === "tg_admin");
    expect(cookie).toMatchObject({ name: "tg_admin", value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    // APP_URL is http in tests, so not Secure; with an https APP_URL, env.isSecureOrigin turns it on.
    expect(cookie!.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/admin", secure: false });
    expect(cookie!.options.maxAge).toBeGreaterThan(11 * 3600);
    expect(cookie!.options.maxAge).toBeLessThanOrEqual(12 * 3600);
  });

  it("makes the browser a known device with an HttpOnly, SameSite=Strict cookie, once", async () => {
    await logIn(null, loginForm(TEST_ADMIN_PASSWORD)).catch(() => {});
    expect(request.setCookies.map(({ name }) => name).sort()).toEqual(["tg_admin", "tg_admin_device"]);
    const device = request.setCookies.find(({ name }) => name === "tg_admin_device")!;
    expect(device.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(device.options).toMatchObject({ httpOnly: true, sameSite: "strict", path: "/admin", secure: false, maxAge: 400 * 24 * 3600 });

    request.deviceToken = device.value;
    request.setCookies.length = 0;
    await logIn(null, loginForm(TEST_ADMIN_PASSWORD)).catch(() => {});
    expect(request.setCookies.map(({ name }) => name)).toEqual(["tg_admin"]);
    expect(await db.adminDevice.count()).toBe(1);
  });

  it("never sends the owner off-site after signing in", async () => {
    for (const next of ["https://evil.example/admin", "//evil.example", "/administrator", "/\\evil.example"]) {
      const error = await logIn(null, loginForm(TEST_ADMIN_PASSWORD, next)).catch((caught: unknown) => caught);
      expect(isRedirectTo(error, "/admin"), next).toBe(true);
    }
  });

  it("answers a wrong password with a form error, then 429 after five failures", async () => {
    for (let failure = 1; failure <= 5; failure++) {
      expect(await logIn(null, loginForm("not-the-password"))).toMatchObject({ ok: false, status: 401, message: expect.stringMatching(/do not match/) });
    }
    expect(await logIn(null, loginForm(TEST_ADMIN_PASSWORD))).toMatchObject({
      ok: false,
      status: 429,
      message: expect.stringMatching(/Too many failed sign-in attempts. Wait 15 minutes/),
    });
    expect(request.setCookies).toHaveLength(0);
  });

  it("a signed-in owner's action does its work; signing out deletes the session row and the cookie", async () => {
    request.token = (await signedInOwner()).token;
    const form = new FormData();
    for (const [key, value] of Object.entries({ title: "Fresh essay", summary: "One line.", preview: "Free.", body: "Paid.", price: "1.50", currency: "EUR" }))
      form.set(key, value);
    const created = await createProduct(null, form).catch((caught: unknown) => caught);
    const product = await db.product.findFirstOrThrow({ where: { slug: "fresh-essay" } });
    expect(isRedirectTo(created, `/admin/products/${product.id}?created=1`)).toBe(true);
    expect(product).toMatchObject({ priceAmount: 150, currency: "EUR", published: false });
    expect(await db.auditLog.findFirst({ where: { targetId: product.id } })).toMatchObject({ action: "product.create", actorEmail: TEST_ADMIN_EMAIL });

    const signedOut = await logOut(null, new FormData()).catch((caught: unknown) => caught);
    expect(isRedirectTo(signedOut, "/admin/login")).toBe(true);
    expect(await db.adminSession.count()).toBe(0);
    expect(request.deletedCookies).toEqual([{ name: "tg_admin", path: "/admin" }]);
  });
});

describe("admin server actions, given a NUL in a field", () => {
  const formActions = actions.filter(({ id }) => !id.endsWith("#logOut"));

  it.each(formActions.map(({ id, action }) => [id, action] as const))("%s answers with a form error on that field and changes nothing", async (id, action) => {
    if (!id.endsWith("#logIn")) request.token = (await signedInOwner()).token;
    const form = await plausibleForm();
    form.set("email", TEST_ADMIN_EMAIL);
    form.set("password", TEST_ADMIN_PASSWORD);
    const field = id.endsWith("#logIn") ? "email" : "reason";
    form.set(field, `${form.get(field)}\u0000`);
    form.set("title", "New\u0000title");
    const before = await dataRows();
    const result = await action(null, form);
    // A form error (validationFailure's 4xx), not the 500 of a write PostgreSQL refused.
    expect(result).toMatchObject({ ok: false, status: expect.toBeOneOf([400, 422]) });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toContain(field);
    expect(await dataRows()).toEqual(before);
    expect(await db.loginAttempt.count()).toBe(0);
  });
});
