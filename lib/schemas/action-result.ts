import { z } from "zod";

/**
 * What an admin server action hands back to `useActionState`: success with a line to announce,
 * or a failure with a message and errors keyed by form field name.
 */
export type ActionResult = ActionSuccess | ActionFailure;

export interface ActionSuccess {
  ok: true;
  message: string;
}

export interface ActionFailure {
  ok: false;
  message: string;
  fieldErrors: Record<string, string[] | undefined>;
  /** The HTTP status this failure would have on an API (401 wrong credentials, 429 throttled, 409 conflict…). */
  status?: number;
}

/** `useActionState`'s state before the first submission. */
export type ActionState = ActionResult | null;

/** FormData as a plain object of strings (file inputs are not used by admin forms). */
export function formDataToObject(formData: FormData): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) object[key] = value;
  }
  return object;
}

/**
 * A submitted form against its schema. A field holding a NUL character is refused with an error
 * on that field whatever the schema allows: no form input can type one, only a crafted request,
 * and PostgreSQL text cannot store it (the write would fail instead of the form).
 */
export function parseFormData<Schema extends z.ZodType>(schema: Schema, formData: FormData): z.ZodSafeParseResult<z.output<Schema>> {
  const fields = formDataToObject(formData);
  const issues = Object.entries(fields)
    .filter(([, value]) => value.includes("\u0000"))
    .map(([key, value]) => ({ code: "custom" as const, path: [key], message: "Remove the NUL character from this field.", input: value }));
  if (issues.length > 0) return { success: false, error: new z.ZodError(issues) as z.ZodError<z.output<Schema>> };
  return schema.safeParse(fields) as z.ZodSafeParseResult<z.output<Schema>>;
}
