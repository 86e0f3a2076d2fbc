import Link from "next/link";
import type { ReactNode } from "react";
import { SITE } from "@/lib/config";

/** The publication's chrome: skip link, masthead, reading-width main, footer. */
export function SiteFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="site-header__brand">
            {SITE.name}
          </Link>
          <span className="site-header__tagline">{SITE.tagline}</span>
        </div>
      </header>
      <main id="main" className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{SITE.name} · Payments by HandCash. Your access is tied to this browser; keep it to keep reading.</p>
      </footer>
    </>
  );
}
