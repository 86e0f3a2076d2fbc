/**
 * What `npm run dev` prints once everything is up: where the site, the admin and HandCash are, and
 * how to sign in. The password is printed only while it is the development default; one of the
 * developer's own (ADMIN_PASSWORD or ADMIN_PASSWORD_HASH in .env) is never echoed.
 */
export interface DevBannerOptions {
  port: number;
  handcashApiBase: string;
  isEmulator: boolean;
  adminEmail: string;
  /** The development password when it is the one in use, else null. */
  devAdminPassword: string | null;
}

export function formatDevBanner({ port, handcashApiBase, isEmulator, adminEmail, devAdminPassword }: DevBannerOptions): string {
  const siteUrl = `http://localhost:${port}`;
  const login = devAdminPassword ? `sign in as ${adminEmail}, password ${devAdminPassword}` : `sign in as ${adminEmail} with your ADMIN_PASSWORD`;
  return [
    "",
    `  Tollgate            ${siteUrl}`,
    `  Admin               ${siteUrl}/admin  (${login})`,
    `  ${isEmulator ? "HandCash emulator" : "HandCash         "}   ${handcashApiBase}`,
    "  Ctrl-C stops everything.",
    "",
  ].join("\n");
}
