import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { formatMoney } from "@/lib/money";
import { getArticleForReader } from "@/server/content/get-article-for-reader";
import { getReaderIdByToken, READER_COOKIE } from "@/server/readers/reader-session";
import styles from "./article.module.css";
import { Paywall } from "./paywall";

interface ArticlePageProps {
  params: Promise<{ slug: string }>;
}

async function loadArticle(slug: string) {
  const readerId = await getReaderIdByToken((await cookies()).get(READER_COOKIE)?.value);
  return getArticleForReader({ slug, readerId });
}

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  return article ? { title: article.product.title, description: article.product.summary } : {};
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const article = await loadArticle((await params).slug);
  if (!article) notFound();
  const { product, premiumBody, pendingOrder } = article;
  const price = { amount: product.priceAmount, currency: product.currency };

  return (
    <article className={styles.article}>
      <header className={styles.header}>
        <p className={styles.kicker}>{premiumBody === null ? `Premium · ${formatMoney(price)}` : "Premium · Unlocked"}</p>
        <h1 className={styles.title}>{product.title}</h1>
        <p className={styles.summary}>{product.summary}</p>
        {product.publishedAt && (
          <p className={styles.meta}>
            <time dateTime={product.publishedAt.toISOString()}>
              {product.publishedAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}
            </time>
          </p>
        )}
      </header>
      {product.coverImageUrl && (
        // biome-ignore lint/performance/noImgElement: owners paste any image URL; next/image would need every host allow-listed.
        <img className={styles.cover} src={product.coverImageUrl} alt="" />
      )}
      <div className={styles.prose}>
        <Markdown source={product.preview} />
      </div>
      {premiumBody === null ? (
        <Paywall productId={product.id} price={price} pendingOrder={pendingOrder} />
      ) : (
        <div className={styles.prose} data-testid="premium-body">
          <p className={styles.unlockedNote} role="note">
            Thank you for supporting this writing. The full article is yours.
          </p>
          <Markdown source={premiumBody} />
        </div>
      )}
    </article>
  );
}
