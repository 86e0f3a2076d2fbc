import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SITE } from "@/lib/config";
import { safeAdminReturnPath } from "@/lib/schemas/admin-auth";
import { firstValues, type RawSearchParams } from "@/lib/schemas/search-params";
import { getCurrentAdminSession } from "@/server/admin/require-admin-session";
import { LoginForm } from "./login-form";
import styles from "./login.module.css";

export const metadata: Metadata = { title: "Sign in" };

interface LoginPageProps {
  searchParams: Promise<RawSearchParams>;
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const next = safeAdminReturnPath(firstValues(await searchParams).next);
  if (await getCurrentAdminSession()) redirect(next);
  return (
    <main id="main" className={styles.page}>
      <div className={styles.card}>
        <p className={styles.brand}>{SITE.name}</p>
        <h1 className={styles.title}>Sign in to the admin</h1>
        <p className={styles.lead}>For the site owner: products, orders, payments and webhooks.</p>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
