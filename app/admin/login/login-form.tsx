"use client";

import { useActionState, useState } from "react";
import ui from "@/components/admin/admin-ui.module.css";
import { FieldError, FormMessage, fieldInvalid } from "@/components/admin/form-message";
import { SubmitButton } from "@/components/admin/submit-button";
import { logIn } from "./actions";

export function LoginForm({ next }: { next: string }) {
  const [state, formAction] = useActionState(logIn, null);
  // Controlled, so a failed attempt keeps the email; the password field is cleared after each try.
  const [email, setEmail] = useState("");
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="next" value={next} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor="login-email">
          Email
        </label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
          className={ui.input}
          aria-invalid={fieldInvalid(state, "email")}
          aria-describedby="login-email-error"
        />
        <FieldError state={state} name="email" id="login-email-error" />
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="login-password">
          Password
        </label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={ui.input}
          aria-invalid={fieldInvalid(state, "password")}
          aria-describedby="login-password-error"
        />
        <FieldError state={state} name="password" id="login-password-error" />
      </div>
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
