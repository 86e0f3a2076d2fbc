"use client";

import type { ActionState } from "@/lib/schemas/action-result";
import ui from "./admin-ui.module.css";

/** The result of the last submission, announced to screen readers as it changes. */
export function FormMessage({ state, id }: { state: ActionState; id?: string }) {
  const tone = state === null ? "" : state.ok ? ui.formMessageOk : ui.formMessageError;
  return (
    <p id={id} className={`${ui.formMessage} ${tone}`} role="status" aria-live="polite">
      {state?.message ?? ""}
    </p>
  );
}

export function FieldError({ state, name, id }: { state: ActionState; name: string; id: string }) {
  const errors = state && !state.ok ? state.fieldErrors[name] : undefined;
  if (!errors?.length) return null;
  return (
    <p id={id} className={ui.fieldError}>
      {errors.join(" ")}
    </p>
  );
}

export function fieldInvalid(state: ActionState, name: string): boolean {
  return Boolean(state && !state.ok && state.fieldErrors[name]?.length);
}
