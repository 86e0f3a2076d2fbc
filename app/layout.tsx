import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SITE } from "@/lib/config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: `${SITE.name}: ${SITE.tagline}`, template: `%s · ${SITE.name}` },
  description: SITE.tagline,
};

export const viewport: Viewport = { themeColor: "#fbfaf7", width: "device-width", initialScale: 1 };

// Every page is rendered per request, the not-found page included: Next can put the CSP nonce
// (proxy.ts) on its scripts only while rendering, so a page prerendered at build time would be blocked.
export const dynamic = "force-dynamic";

/** The document only: the public site (app/(site)) and the admin (app/admin) bring their own frames. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
