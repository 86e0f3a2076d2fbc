/**
 * Seeds the demo publication. `--if-empty` seeds only a database without products, which is
 * what `npm run dev` uses so an owner's own catalogue is never touched.
 * Run: npm run db:seed
 */
import { db } from "@/server/db";
import { upsertProductBySlug } from "./factories";
import { SEED_ARTICLES } from "./seed-articles";

const DAY_MS = 24 * 60 * 60 * 1000;

async function seed(): Promise<void> {
  if (process.argv.includes("--if-empty") && (await db.product.count()) > 0) {
    console.log("Products exist; seed skipped.");
    return;
  }
  for (const article of SEED_ARTICLES) {
    await upsertProductBySlug(db, {
      slug: article.slug,
      title: article.title,
      summary: article.summary,
      preview: article.preview,
      body: article.body,
      priceAmount: article.priceAmount,
      currency: article.currency,
      published: true,
      publishedAt: new Date(Date.now() - article.publishedDaysAgo * DAY_MS),
    });
  }
  console.log(`Seeded ${SEED_ARTICLES.length} articles.`);
}

try {
  await seed();
} finally {
  await db.$disconnect();
}
