"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./admin-nav.module.css";

const LINKS = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/settings", label: "Settings" },
] as const;

/** The admin's sections; the current one is marked for sighted and screen-reader users alike. */
export function AdminNav({ orphanCount }: { orphanCount: number }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin sections">
      <ul className={styles.list}>
        {LINKS.map(({ href, label }) => {
          const isCurrent = href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link href={href} className={styles.link} aria-current={isCurrent ? "page" : undefined}>
                {label}
                {href === "/admin/webhooks" && orphanCount > 0 ? (
                  <span className={styles.alert}>
                    {orphanCount}
                    <span className={styles.hidden}> unresolved orphan {orphanCount === 1 ? "delivery" : "deliveries"}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
