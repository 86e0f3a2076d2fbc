"use client";

import { useActionState } from "react";
import ui from "@/components/admin/admin-ui.module.css";
import { SubmitButton } from "@/components/admin/submit-button";
import { setPublished } from "./actions";

/** Publish or unpublish in one click; the outcome is announced next to the button. */
export function PublishToggle({ productId, published, title }: { productId: string; published: boolean; title: string }) {
  const [state, formAction] = useActionState(setPublished, null);
  return (
    <form action={formAction} style={{ display: "inline-flex", alignItems: "center", gap: "0.5rem" }}>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="published" value={published ? "false" : "true"} />
      <SubmitButton variant="secondary" pendingLabel={published ? "Unpublishing…" : "Publishing…"}>
        {published ? "Unpublish" : "Publish"}
        <span className={ui.visuallyHidden}> {title}</span>
      </SubmitButton>
      <span role="status" aria-live="polite" className={state && !state.ok ? ui.fieldError : ui.visuallyHidden}>
        {state?.message ?? ""}
      </span>
    </form>
  );
}
