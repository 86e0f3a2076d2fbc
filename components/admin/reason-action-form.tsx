"use client";

import { useActionState, useEffect, useId, useState } from "react";
import type { ActionResult, ActionState } from "@/lib/schemas/action-result";
import ui from "./admin-ui.module.css";
import { FieldError, FormMessage, fieldInvalid } from "./form-message";
import { SubmitButton } from "./submit-button";

interface ExtraField {
  name: string;
  label: string;
  hint?: string;
}

interface ReasonActionFormProps {
  action: (state: ActionState, formData: FormData) => Promise<ActionResult>;
  /** Hidden fields naming what the action applies to (orderId, webhookEventId…). */
  hidden: Record<string, string>;
  title: string;
  description: string;
  submitLabel: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** An extra text field before the reason (the order id when matching an orphan). */
  extraField?: ExtraField;
  /** Why the action does not apply right now: shown instead of the fields, while the last result stays announced. */
  unavailable?: string;
}

/** An owner action that must say why: a required reason, then the result announced in place. */
export function ReasonActionForm({
  action,
  hidden,
  title,
  description,
  submitLabel,
  pendingLabel,
  variant = "primary",
  extraField,
  unavailable,
}: ReasonActionFormProps) {
  const [state, formAction] = useActionState(action, null);
  const id = useId();
  // Controlled, so a refused attempt keeps what the owner typed; cleared once the action succeeded.
  const [reason, setReason] = useState("");
  const [extra, setExtra] = useState("");
  useEffect(() => {
    if (state?.ok) {
      setReason("");
      setExtra("");
    }
  }, [state]);
  return (
    <form action={formAction} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className={ui.sectionTitle}>
        {title}
      </h3>
      <p className={ui.hint}>{unavailable ?? description}</p>
      {unavailable ? null : (
        <>
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {extraField ? <TextField id={`${id}-${extraField.name}`} field={extraField} state={state} value={extra} onChange={setExtra} /> : null}
          <div className={ui.field} style={{ marginTop: "0.75rem" }}>
            <label className={ui.label} htmlFor={`${id}-reason`}>
              Reason (required)
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              className={ui.textarea}
              rows={2}
              required
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={fieldInvalid(state, "reason")}
              aria-describedby={`${id}-reason-error`}
            />
            <FieldError state={state} name="reason" id={`${id}-reason-error`} />
          </div>
          <SubmitButton pendingLabel={pendingLabel} variant={variant}>
            {submitLabel}
          </SubmitButton>
        </>
      )}
      <FormMessage state={state} />
    </form>
  );
}

interface TextFieldProps {
  id: string;
  field: ExtraField;
  state: ActionState;
  value: string;
  onChange: (value: string) => void;
}

function TextField({ id, field, state, value, onChange }: TextFieldProps) {
  return (
    <div className={ui.field} style={{ marginTop: "0.75rem" }}>
      <label className={ui.label} htmlFor={id}>
        {field.label}
      </label>
      {field.hint ? (
        <p id={`${id}-hint`} className={ui.hint}>
          {field.hint}
        </p>
      ) : null}
      <input
        id={id}
        name={field.name}
        className={ui.input}
        required
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={fieldInvalid(state, field.name)}
        aria-describedby={`${field.hint ? `${id}-hint ` : ""}${id}-error`}
      />
      <FieldError state={state} name={field.name} id={`${id}-error`} />
    </div>
  );
}
