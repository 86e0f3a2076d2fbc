import { z } from "zod";
import { CURRENCIES, type CurrencyCode, MINOR_UNIT_DIGITS, parseMajorUnits } from "@/lib/money";
import { SLUG_MAX_LENGTH, SLUG_PATTERN, SUMMARY_MAX_LENGTH, slugify } from "@/lib/product-fields";

export { SLUG_MAX_LENGTH, SLUG_PATTERN, SUMMARY_MAX_LENGTH, slugify };

const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? "");

/** parseMajorUnits refuses a comma rather than guess at it; this says why. */
const PRICE_COMMA_MESSAGE = "Write the decimals after a dot, like 1.50: a comma is ambiguous (1,5 could mean 1.50, and 1,500 could mean 1500).";

function priceHint(currency: CurrencyCode, input: string): string {
  if (input.includes(",")) return PRICE_COMMA_MESSAGE;
  const digits = MINOR_UNIT_DIGITS[currency];
  return currency === "BSV"
    ? `Enter a positive amount of BSV with at most ${digits} decimals, like 0.0005.`
    : `Enter a positive amount with at most ${digits} decimals, like 2.50.`;
}

/**
 * The product editor's fields as submitted (strings from FormData), parsed into what we store.
 * The price is typed in major units ("2.50") and stored in minor units; an empty slug is derived
 * from the title; the cover image must be https because HandCash and browsers load it directly.
 */
export const productFormSchema = z
  .object({
    title: z.string().trim().min(1, "Give the product a title.").max(200, "Keep the title under 200 characters."),
    slug: optionalText,
    summary: z
      .string()
      .trim()
      .min(1, "Write a one-line summary; HandCash shows it as the product description.")
      .max(SUMMARY_MAX_LENGTH, `Keep the summary under ${SUMMARY_MAX_LENGTH} characters.`)
      .refine((value) => !/[\r\n]/.test(value), "The summary must be a single line."),
    coverImageUrl: optionalText.pipe(
      z
        .string()
        .max(2000, "That URL is too long.")
        .refine((value) => value === "" || isHttpsUrl(value), "Use an https:// image URL (or leave it empty)."),
    ),
    preview: z.string().trim().min(1, "Write the free preview readers see before paying.").max(100_000, "The preview is too long."),
    body: z.string().trim().min(1, "Write the premium text readers pay for.").max(500_000, "The premium text is too long."),
    price: z.string().trim().min(1, "Enter a price."),
    currency: z.enum(CURRENCIES, "Choose a currency."),
    published: z
      .string()
      .optional()
      .transform((value) => value === "on" || value === "true"),
  })
  // Runs even when other fields failed, so every mistake is reported in one round trip.
  .superRefine(
    (form, context) => {
      const raw = form as Partial<Record<keyof typeof form, unknown>>;
      const title = typeof raw.title === "string" ? raw.title : "";
      const slug = typeof raw.slug === "string" && raw.slug ? raw.slug.toLowerCase() : slugify(title);
      if (typeof raw.slug === "string" && raw.slug) {
        if (slug.length > SLUG_MAX_LENGTH) context.addIssue({ code: "custom", path: ["slug"], message: `Keep the slug under ${SLUG_MAX_LENGTH} characters.` });
        else if (!SLUG_PATTERN.test(slug))
          context.addIssue({ code: "custom", path: ["slug"], message: "Use lowercase letters, digits and single hyphens, like my-first-essay." });
      } else if (title.trim() && !slug) {
        context.addIssue({ code: "custom", path: ["slug"], message: "The title has no letters or digits to make a slug from; enter one." });
      }
      const currency = (CURRENCIES as readonly unknown[]).includes(raw.currency) ? (raw.currency as CurrencyCode) : null;
      if (currency && typeof raw.price === "string" && raw.price.trim() && parseMajorUnits(raw.price, currency) === null) {
        context.addIssue({ code: "custom", path: ["price"], message: priceHint(currency, raw.price) });
      }
    },
    { when: () => true },
  )
  .transform((form) => ({
    title: form.title,
    slug: form.slug ? form.slug.toLowerCase() : slugify(form.title),
    summary: form.summary,
    coverImageUrl: form.coverImageUrl || null,
    preview: form.preview,
    body: form.body,
    // Checked above: only a parseable price reaches this point.
    priceAmount: parseMajorUnits(form.price, form.currency) ?? 0,
    currency: form.currency,
    published: form.published,
  }));
export type ProductFormInput = z.input<typeof productFormSchema>;
export type ProductFields = z.output<typeof productFormSchema>;

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const productIdFormSchema = z.object({ productId: z.string().trim().min(1, "Missing product id.").max(64) });

export const productPublishFormSchema = productIdFormSchema.extend({
  published: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const PRODUCT_SORT_KEYS = ["updatedAt", "title", "price", "orders"] as const;

export const productListQuerySchema = z.object({
  sort: z.enum(PRODUCT_SORT_KEYS).catch("updatedAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ProductListQuery = z.infer<typeof productListQuerySchema>;
