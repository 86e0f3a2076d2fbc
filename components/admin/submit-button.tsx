"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import ui from "./admin-ui.module.css";

interface SubmitButtonProps {
  children: ReactNode;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
}

export function SubmitButton({ children, pendingLabel, variant = "primary" }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  const className = variant === "danger" ? ui.buttonDanger : variant === "secondary" ? ui.buttonSecondary : ui.button;
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
