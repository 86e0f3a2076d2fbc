"use client";

import { useActionState } from "react";
import ui from "@/components/admin/admin-ui.module.css";
import { FormMessage } from "@/components/admin/form-message";
import { SubmitButton } from "@/components/admin/submit-button";
import { deleteProduct, setPublished } from "../actions";

interface ProductDangerZoneProps {
  productId: string;
  title: string;
  published: boolean;
  orderCount: number;
}

/** Unpublish (always possible) and delete (only while nobody has ordered the product). */
export function ProductDangerZone({ productId, title, published, orderCount }: ProductDangerZoneProps) {
  const [publishState, publishAction] = useActionState(setPublished, null);
  const [deleteState, deleteAction] = useActionState(deleteProduct, null);
  return (
    <section className={ui.card} aria-labelledby="danger-title">
      <h2 id="danger-title" className={ui.sectionTitle}>
        Availability
      </h2>
      <form action={publishAction}>
        <input type="hidden" name="productId" value={productId} />
        <input type="hidden" name="published" value={published ? "false" : "true"} />
        <p className={ui.hint} style={{ marginBottom: "0.6rem" }}>
          {published
            ? "Unpublishing removes it from the site and stops new sales. Readers who paid keep their access."
            : "Publishing lists it on the site and lets readers buy it."}
        </p>
        <SubmitButton variant="secondary" pendingLabel={published ? "Unpublishing…" : "Publishing…"}>
          {published ? "Unpublish" : "Publish"}
        </SubmitButton>
        <FormMessage state={publishState} />
      </form>
      {orderCount === 0 ? (
        <form
          action={deleteAction}
          onSubmit={(event) => {
            if (!window.confirm(`Delete “${title}” for good? This cannot be undone.`)) event.preventDefault();
          }}
        >
          <input type="hidden" name="productId" value={productId} />
          <p className={ui.hint} style={{ marginBottom: "0.6rem" }}>
            Nobody has ordered this product, so it can be deleted for good.
          </p>
          <SubmitButton variant="danger" pendingLabel="Deleting…">
            Delete product
          </SubmitButton>
          <FormMessage state={deleteState} />
        </form>
      ) : (
        <p className={ui.hint}>
          This product has {orderCount} {orderCount === 1 ? "order" : "orders"}, so it cannot be deleted: order records must keep pointing at it. Unpublish it
          instead.
        </p>
      )}
    </section>
  );
}
