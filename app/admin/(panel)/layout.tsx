import Link from "next/link";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { SITE } from "@/lib/config";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { countUnresolvedOrphans } from "@/server/webhooks/count-unresolved-orphans";
import { logOut } from "./actions";
import styles from "./panel.module.css";

/**
 * The signed-in admin's frame. It checks the session for its own data, but it is not the gate:
 * layouts are not re-rendered on every navigation, so each page and action checks again.
 */
export default async function AdminPanelLayout({ children }: { children: ReactNode }) {
  const session = await requireAdminSession();
  const orphanCount = await countUnresolvedOrphans();
  return (
    <div className={styles.shell}>
      <aside className={styles.sidebar}>
        <div className={styles.brandRow}>
          <Link href="/admin" className={styles.brand}>
            {SITE.name} <span className={styles.brandTag}>admin</span>
          </Link>
        </div>
        <AdminNav orphanCount={orphanCount} />
        <div className={styles.account}>
          <p className={styles.accountEmail} title={session.email}>
            Signed in as <strong>{session.email}</strong>
          </p>
          <div className={styles.accountActions}>
            <a href="/" className={styles.accountLink} target="_blank" rel="noreferrer">
              View site<span className={styles.hidden}> (opens in a new tab)</span>
            </a>
            <form action={logOut}>
              <button type="submit" className={styles.signOut}>
                Sign out
              </button>
            </form>
          </div>
        </div>
      </aside>
      <main id="main" className={styles.content}>
        {children}
      </main>
    </div>
  );
}
