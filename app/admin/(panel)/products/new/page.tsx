import type { Metadata } from "next";
import Link from "next/link";
import ui from "@/components/admin/admin-ui.module.css";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { createProduct } from "../actions";
import { ProductForm } from "../product-form";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage() {
  await requireAdminSession();
  return (
    <>
      <header className={ui.pageHeader}>
        <div>
          <p className={ui.hint}>
            <Link href="/admin/products">← Products</Link>
          </p>
          <h1 className={ui.pageTitle}>New product</h1>
          <p className={ui.pageLead}>A draft (not published) is visible only here, in the admin, until you publish it.</p>
        </div>
      </header>
      <ProductForm
        action={createProduct}
        submitLabel="Create product"
        initialValues={{ title: "", slug: "", summary: "", coverImageUrl: "", preview: "", body: "", price: "", currency: "USD", published: false }}
      />
    </>
  );
}
