import { describe, expect, it } from "vitest";
import { formatDevBanner } from "@/scripts/lib/dev-banner";
import { DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD } from "@/server/env";

describe("what npm run dev prints once it is up", () => {
  it("names the site, the admin with its development login, and the emulator", () => {
    const banner = formatDevBanner({
      port: 3000,
      handcashApiBase: "http://127.0.0.1:4010",
      isEmulator: true,
      adminEmail: DEV_ADMIN_EMAIL,
      devAdminPassword: DEV_ADMIN_PASSWORD,
    });
    expect(banner).toMatch(/Tollgate\s+http:\/\/localhost:3000\n/);
    expect(banner).toMatch(/Admin\s+http:\/\/localhost:3000\/admin\s+\(sign in as owner@tollgate\.local, password tollgate-owner\)/);
    expect(banner).toMatch(/HandCash emulator\s+http:\/\/127\.0\.0\.1:4010/);
    expect(banner).toContain("Ctrl-C stops everything.");
  });

  it("never prints a password of the developer's own", () => {
    const banner = formatDevBanner({
      port: 3100,
      handcashApiBase: "https://cloud.handcash.io",
      isEmulator: false,
      adminEmail: "me@example.com",
      devAdminPassword: null,
    });
    expect(banner).toContain("sign in as me@example.com with your ADMIN_PASSWORD");
    expect(banner).not.toContain(DEV_ADMIN_PASSWORD);
    expect(banner).toMatch(/HandCash\s+https:\/\/cloud\.handcash\.io/);
  });
});
