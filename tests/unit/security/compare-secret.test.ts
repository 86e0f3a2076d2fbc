import { describe, expect, it } from "vitest";
import { isSameSecret } from "@/server/security/compare-secret";

const SECRET = "s3cr3t-value-0123456789";

describe("isSameSecret", () => {
  it("accepts the exact secret", () => {
    expect(isSameSecret(SECRET, SECRET)).toBe(true);
  });

  it.each([
    ["a different secret", "another-secret-value-000"],
    ["a prefix", SECRET.slice(0, -1)],
    ["the secret with a suffix", `${SECRET}x`],
    ["different case", SECRET.toUpperCase()],
    ["padded with spaces", ` ${SECRET} `],
    ["a trailing newline", `${SECRET}\n`],
    ["an empty string", ""],
  ])("rejects %s", (_label, candidate) => {
    expect(isSameSecret(candidate, SECRET)).toBe(false);
  });

  it.each([[undefined], [null], [42], [[SECRET]], [{ toString: () => SECRET }], [true]])("rejects the non-string %o", (candidate) => {
    expect(isSameSecret(candidate, SECRET)).toBe(false);
  });

  it("never matches when the expected secret is empty", () => {
    expect(isSameSecret("", "")).toBe(false);
  });
});
