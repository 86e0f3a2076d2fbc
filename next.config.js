/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test stacks build into their own folder (scripts/lib/test-build.ts) and
  // serve it with the same variable set, so `npm test` never writes where `npm run dev` works.
  distDir: process.env.TOLLGATE_BUILD_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // HandCash does not follow redirects: a webhook URL pasted with a trailing slash must reach
  // the handler instead of getting a 308 (see docs/api.md).
  skipTrailingSlashRedirect: true,
  // Every response. Pages also get their CSP, frame rules, Permissions-Policy and HSTS from proxy.ts,
  // which needs a fresh nonce per response and the runtime APP_URL (server/security/security-headers.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
