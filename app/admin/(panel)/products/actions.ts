"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult, type ActionState, parseFormData } from "@/lib/schemas/action-result";
import { productFormSchema, productIdFormSchema, productPublishFormSchema } from "@/lib/schemas/products";
import { actionFailure, validationFailure } from "@/server/admin/action-failure";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { createProduct as createProductRecord } from "@/server/products/create-product";
import { deleteProduct as deleteProductRecord } from "@/server/products/delete-product";
import { setProductPublished } from "@/server/products/set-product-published";
import { updateProduct as updateProductRecord } from "@/server/products/update-product";

function revalidateCatalogue(slug?: string): void {
  revalidatePath("/admin/products");
  revalidatePath("/");
  if (slug) revalidatePath(`/articles/${slug}`);
}

export async function createProduct(_state: ActionState, formData: FormData): Promise<ActionResult> {
  const session = await requireAdminSession();
  const parsed = parseFormData(productFormSchema, formData);
  if (!parsed.success) return validationFailure(parsed.error);
  let productId: string;
  try {
    ({ id: productId } = await createProductRecord({ fields: parsed.data, actorEmail: session.email }));
  } catch (error) {
    return actionFailure(error, "admin.product.create_failed");
  }
  revalidateCatalogue(parsed.data.slug);
  redirect(`/admin/products/${productId}?created=1`);
}

export async function updateProduct(_state: ActionState, formData: FormData): Promise<ActionResult> {
  const session = await requireAdminSession();
  const id = parseFormData(productIdFormSchema, formData);
  const parsed = parseFormData(productFormSchema, formData);
  if (!id.success) return validationFailure(id.error);
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await updateProductRecord({ productId: id.data.productId, fields: parsed.data, actorEmail: session.email });
  } catch (error) {
    return actionFailure(error, "admin.product.update_failed");
  }
  revalidateCatalogue(parsed.data.slug);
  return { ok: true, message: "Saved. Orders already started keep the price they were created with." };
}

export async function setPublished(_state: ActionState, formData: FormData): Promise<ActionResult> {
  const session = await requireAdminSession();
  const parsed = parseFormData(productPublishFormSchema, formData);
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await setProductPublished({ productId: parsed.data.productId, published: parsed.data.published, actorEmail: session.email });
  } catch (error) {
    return actionFailure(error, "admin.product.publish_failed");
  }
  revalidateCatalogue();
  revalidatePath(`/admin/products/${parsed.data.productId}`);
  return { ok: true, message: parsed.data.published ? "Published: it is on the site now." : "Unpublished: it is no longer on the site or for sale." };
}

export async function deleteProduct(_state: ActionState, formData: FormData): Promise<ActionResult> {
  const session = await requireAdminSession();
  const parsed = parseFormData(productIdFormSchema, formData);
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await deleteProductRecord({ productId: parsed.data.productId, actorEmail: session.email });
  } catch (error) {
    return actionFailure(error, "admin.product.delete_failed");
  }
  revalidateCatalogue();
  redirect("/admin/products?deleted=1");
}
