import Link from "next/link";
import { SITE } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { articlePath } from "@/lib/routes";
import { listPublishedProducts } from "@/server/products/list-published-products";
import styles from "./home.module.css";

// The catalogue changes whenever an owner publishes: render per request, never at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const products = await listPublishedProducts();
  return (
    <div className={styles.home}>
      <section className={styles.intro}>
        <h1 className={styles.heading}>{SITE.tagline}</h1>
        <p className={styles.lead}>Read the opening of every piece for free. Unlock the rest with a single HandCash payment: no account, no subscription.</p>
      </section>
      {products.length === 0 ? (
        <p className={styles.empty}>Nothing is published yet. Check back soon.</p>
      ) : (
        <ul className={styles.list}>
          {products.map((product) => (
            <li key={product.id} className={styles.card}>
              <p className={styles.kicker}>Premium · {formatMoney({ amount: product.priceAmount, currency: product.currency })}</p>
              <h2 className={styles.cardTitle}>
                <Link href={articlePath(product.slug)}>{product.title}</Link>
              </h2>
              <p className={styles.summary}>{product.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
