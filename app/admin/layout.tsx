import type { Metadata } from "next";
import type { ReactNode } from "react";
import styles from "./admin-root.module.css";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Tollgate admin" },
  robots: { index: false, follow: false },
};

// Everything here reads the session cookie and live data: never prerendered or cached.
export const dynamic = "force-dynamic";

/** The admin's frame, sign-in page included: a full-width tool, without the publication's masthead. */
export default function AdminRootLayout({ children }: { children: ReactNode }) {
  return (
    <div className={styles.root}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {children}
    </div>
  );
}
