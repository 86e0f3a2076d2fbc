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
