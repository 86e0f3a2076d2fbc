"use client";

import { useActionState, useDeferredValue, useState } from "react";
import ui from "@/components/admin/admin-ui.module.css";
import { FieldError, FormMessage, fieldInvalid } from "@/components/admin/form-message";
import { SubmitButton } from "@/components/admin/submit-button";
import { Markdown } from "@/components/markdown";
import { CURRENCIES, type CurrencyCode, formatMoney, parseMajorUnits } from "@/lib/money";
import type { ActionResult, ActionState } from "@/lib/schemas/action-result";
import { SUMMARY_MAX_LENGTH, slugify } from "@/lib/product-fields";
import styles from "./product-form.module.css";

export interface ProductFormValues {
  title: string;
  slug: string;
  summary: string;
  coverImageUrl: string;
  preview: string;
  body: string;
  price: string;
  currency: CurrencyCode;
  published: boolean;
}

interface ProductFormProps {
  action: (state: ActionState, formData: FormData) => Promise<ActionResult>;
  initialValues: ProductFormValues;
  /** Set when editing; the slug then stays as it is unless the owner changes it. */
  productId?: string;
  submitLabel: string;
}

/**
 * The product editor. Every field is controlled so a failed save keeps what was typed; errors from
 * the server appear under their field. Both Markdown texts are previewed live with the same
 * renderer the article page uses (raw HTML dropped), so what you see is what readers get.
 */
export function ProductForm({ action, initialValues, productId, submitLabel }: ProductFormProps) {
  const [state, formAction] = useActionState(action, null);
  const [values, setValues] = useState(initialValues);
  const [isSlugEdited, setIsSlugEdited] = useState(Boolean(productId));
  const set = <K extends keyof ProductFormValues>(key: K, value: ProductFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const slug = isSlugEdited ? values.slug : slugify(values.title);

  const describedBy = (name: string, hasHint = false) => [hasHint ? `product-${name}-hint` : "", `product-${name}-error`].filter(Boolean).join(" ");
  const invalid = (name: string) => fieldInvalid(state, name);

  return (
    <form action={formAction} noValidate className={styles.form}>
      {productId ? <input type="hidden" name="productId" value={productId} /> : null}

      <div className={styles.columns}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="product-title">
            Title
          </label>
          <input
            id="product-title"
            name="title"
            className={ui.input}
            value={values.title}
            onChange={(event) => set("title", event.target.value)}
            required
            maxLength={200}
            aria-invalid={invalid("title")}
            aria-describedby={describedBy("title")}
          />
          <FieldError state={state} name="title" id="product-title-error" />
        </div>

        <div className={ui.field}>
          <label className={ui.label} htmlFor="product-slug">
            Slug
          </label>
          <input
            id="product-slug"
            name="slug"
            className={`${ui.input} ${ui.mono}`}
            value={slug}
            onChange={(event) => {
              setIsSlugEdited(true);
              set("slug", event.target.value);
            }}
            autoComplete="off"
            spellCheck={false}
            maxLength={80}
            aria-invalid={invalid("slug")}
            aria-describedby={describedBy("slug", true)}
          />
          <p id="product-slug-hint" className={ui.hint}>
            The article&apos;s address: /articles/{slug || "…"}.{" "}
            {productId ? "Changing it breaks links already shared." : "Made from the title until you edit it."}
          </p>
          <FieldError state={state} name="slug" id="product-slug-error" />
        </div>
      </div>

      <div className={ui.field}>
        <label className={ui.label} htmlFor="product-summary">
          Summary
        </label>
        <input
          id="product-summary"
          name="summary"
          className={ui.input}
          value={values.summary}
          onChange={(event) => set("summary", event.target.value.replace(/[\r\n]+/g, " "))}
          required
          maxLength={SUMMARY_MAX_LENGTH}
          aria-invalid={invalid("summary")}
          aria-describedby={describedBy("summary", true)}
        />
        <p id="product-summary-hint" className={ui.hint}>
          One line, shown on the home page and to HandCash as the product description ({values.summary.length}/{SUMMARY_MAX_LENGTH}).
        </p>
        <FieldError state={state} name="summary" id="product-summary-error" />
      </div>

      <div className={ui.field}>
        <label className={ui.label} htmlFor="product-cover">
          Cover image URL (optional)
        </label>
        <input
          id="product-cover"
          name="coverImageUrl"
          type="url"
          inputMode="url"
          className={ui.input}
          value={values.coverImageUrl}
          onChange={(event) => set("coverImageUrl", event.target.value)}
          placeholder="https://"
          aria-invalid={invalid("coverImageUrl")}
          aria-describedby={describedBy("coverImageUrl", true)}
        />
        <p id="product-coverImageUrl-hint" className={ui.hint}>
          An https:// address; HandCash shows it on the payment page.
        </p>
        <FieldError state={state} name="coverImageUrl" id="product-coverImageUrl-error" />
      </div>

      <div className={styles.columns}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="product-price">
            Price
          </label>
          <input
            id="product-price"
            name="price"
            className={ui.input}
            inputMode="decimal"
            autoComplete="off"
            value={values.price}
            onChange={(event) => set("price", event.target.value)}
            placeholder={values.currency === "BSV" ? "0.0005" : "2.50"}
            required
            aria-invalid={invalid("price")}
            aria-describedby={describedBy("price", true)}
          />
          <p id="product-price-hint" className={ui.hint}>
            {describePrice(values.price, values.currency)} Existing orders keep the price they were created with.
          </p>
          <FieldError state={state} name="price" id="product-price-error" />
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="product-currency">
            Currency
          </label>
          <select
            id="product-currency"
            name="currency"
            className={ui.select}
            value={values.currency}
            onChange={(event) => set("currency", event.target.value as CurrencyCode)}
            aria-invalid={invalid("currency")}
            aria-describedby={describedBy("currency")}
          >
            {CURRENCIES.map((currency) => (
              <option key={currency} value={currency}>
                {currency}
              </option>
            ))}
          </select>
          <FieldError state={state} name="currency" id="product-currency-error" />
        </div>
      </div>

      <MarkdownField
        name="preview"
        label="Free preview (Markdown)"
        hint="Everyone can read this part. End it at a natural pause."
        value={values.preview}
        onChange={(value) => set("preview", value)}
        state={state}
        rows={8}
      />
      <MarkdownField
        name="body"
        label="Premium text (Markdown)"
        hint="Only readers who paid see this. HTML is not allowed and is dropped."
        value={values.body}
        onChange={(value) => set("body", value)}
        state={state}
        rows={14}
      />

      {productId ? (
        // Publishing an existing product has its own buttons; saving keeps whatever state it is in now.
        <input type="hidden" name="published" value={initialValues.published ? "on" : ""} />
      ) : (
        <div className={styles.checkboxRow}>
          <input
            id="product-published"
            name="published"
            type="checkbox"
            checked={values.published}
            onChange={(event) => set("published", event.target.checked)}
            aria-describedby="product-published-hint"
          />
          <div>
            <label className={ui.label} htmlFor="product-published">
              Publish now
            </label>
            <p id="product-published-hint" className={ui.hint}>
              Published products are listed on the site and can be bought. Leave unticked to save a draft.
            </p>
          </div>
        </div>
      )}

      <div className={styles.actions}>
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

interface MarkdownFieldProps {
  name: "preview" | "body";
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  state: ActionState;
  rows: number;
}

function MarkdownField({ name, label, hint, value, onChange, state, rows }: MarkdownFieldProps) {
  const deferred = useDeferredValue(value);
  const id = `product-${name}`;
  return (
    <div className={styles.markdownField}>
      <div className={ui.field}>
        <label className={ui.label} htmlFor={id}>
          {label}
        </label>
        <p id={`${id}-hint`} className={ui.hint}>
          {hint}
        </p>
        <textarea
          id={id}
          name={name}
          className={`${ui.textarea} ${styles.markdownInput}`}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          required
          aria-invalid={fieldInvalid(state, name)}
          aria-describedby={`${id}-hint ${id}-error`}
        />
        <FieldError state={state} name={name} id={`${id}-error`} />
      </div>
      <section className={styles.preview} aria-label={`${label}: live preview`} data-testid={`${name}-live-preview`}>
        <p className={styles.previewLabel} aria-hidden="true">
          Preview
        </p>
        {deferred.trim() ? <Markdown source={deferred} /> : <p className={ui.muted}>Nothing to preview yet.</p>}
      </section>
    </div>
  );
}

/** The price as readers will be charged it, while it is typed, so a misreading shows before saving. */
function describePrice(input: string, currency: CurrencyCode): string {
  if (input.includes(",")) return "Use a dot for the decimals, like 1.50.";
  const amount = parseMajorUnits(input, currency);
  if (amount !== null) return `Readers pay ${formatMoney({ amount, currency })}.`;
  return `In ${currency === "BSV" ? "BSV" : "whole units, like 2.50"}.`;
}
