/**
 * Builders for rows, shared by the seed and the tests, so both create data the same way.
 * They take a Prisma client rather than importing one, so tests can pass theirs.
 */
import crypto from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { CurrencyCode } from "@/lib/money";

export interface ProductInput {
  slug?: string;
  title?: string;
  summary?: string;
  preview?: string;
  body?: string;
  priceAmount?: number;
  currency?: CurrencyCode;
  published?: boolean;
  publishedAt?: Date;
  coverImageUrl?: string | null;
}

export function buildProduct(input: ProductInput = {}) {
  const suffix = crypto.randomBytes(4).toString("hex");
  const published = input.published ?? true;
  return {
    slug: input.slug ?? `test-article-${suffix}`,
    title: input.title ?? `Test article ${suffix}`,
    summary: input.summary ?? "A short article used by the tests.",
    preview: input.preview ?? `The free opening of article ${suffix}.`,
    body: input.body ?? `Premium paragraph ${suffix}: only paying readers see this.`,
    priceAmount: input.priceAmount ?? 250,
    currency: input.currency ?? "USD",
    published,
    publishedAt: input.publishedAt ?? (published ? new Date() : null),
    coverImageUrl: input.coverImageUrl ?? null,
  };
}

export async function createProduct(db: PrismaClient, input: ProductInput = {}) {
  return db.product.create({ data: buildProduct(input) });
}

/** Inserts or refreshes a product by slug; the seed uses it so re-seeding never duplicates. */
export async function upsertProductBySlug(db: PrismaClient, input: ProductInput & { slug: string }) {
  const data = buildProduct(input);
  return db.product.upsert({ where: { slug: data.slug }, create: data, update: data });
}
