import { describe, expect, it } from "vitest";
import { getAdminPasswordHash } from "@/server/admin/get-admin-password-hash";
import { hashPassword, parsePasswordHash } from "@/server/admin/hash-password";
import { verifyAdminCredentials } from "@/server/admin/verify-admin-credentials";
import { verifyPassword } from "@/server/admin/verify-password";
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from "../../setup/test-config";

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe("password hashing (scrypt)", () => {
  it("produces the ADMIN_PASSWORD_HASH format with a fresh salt each time", async () => {
    const first = await hashPassword({ password: "correct horse battery staple" });
    const second = await hashPassword({ password: "correct horse battery staple" });
    expect(first).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("correct horse");
    expect(parsePasswordHash(first).hash).toHaveLength(32);
  });

  it("verifies the right password and refuses any other", async () => {
    const hash = parsePasswordHash(await hashPassword({ password: "correct horse battery staple", cost: CHEAP }));
    expect(await verifyPassword({ password: "correct horse battery staple", hash })).toBe(true);
    for (const wrong of ["correct horse battery stapl", "Correct horse battery staple", "", "correct horse battery staple "]) {
      expect(await verifyPassword({ password: wrong, hash })).toBe(false);
    }
  });

  it("reads the cost from the stored hash, so old hashes keep working after the default changes", async () => {
    const encoded = await hashPassword({ password: "a-password-of-some-length", cost: CHEAP });
    expect(encoded.startsWith("scrypt$1024$8$1$")).toBe(true);
    expect(await verifyPassword({ password: "a-password-of-some-length", hash: parsePasswordHash(encoded) })).toBe(true);
  });

  it.each([
    ["not a hash", "plain-password"],
    ["N not a power of two", "scrypt$1000$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g="],
    ["N too large to compute safely", "scrypt$2097152$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g="],
    ["hash too short", "scrypt$1024$8$1$c2FsdHNhbHRzYWx0$aGFzaA=="],
  ])("refuses a malformed stored hash: %s", (_name, encoded) => {
    expect(() => parsePasswordHash(encoded)).toThrow();
  });
});

describe("the owner's credentials", () => {
  it("hashes ADMIN_PASSWORD once per process and reuses it", async () => {
    const first = getAdminPasswordHash();
    expect(getAdminPasswordHash()).toBe(first);
    const hash = await first;
    expect(await verifyPassword({ password: TEST_ADMIN_PASSWORD, hash })).toBe(true);
  });

  it("accepts ADMIN_EMAIL in any case and with surrounding spaces, and only with the password", async () => {
    expect(await verifyAdminCredentials({ email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD })).toBe(true);
    expect(await verifyAdminCredentials({ email: ` ${TEST_ADMIN_EMAIL.toUpperCase()} `, password: TEST_ADMIN_PASSWORD })).toBe(true);
    expect(await verifyAdminCredentials({ email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD.toUpperCase() })).toBe(false);
    expect(await verifyAdminCredentials({ email: "someone@tollgate.test", password: TEST_ADMIN_PASSWORD })).toBe(false);
  });
});
