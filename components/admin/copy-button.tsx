"use client";

import { useState } from "react";
import ui from "./admin-ui.module.css";

/** Copies a value to the clipboard and says so (for screen readers too). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [message, setMessage] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setMessage("Copied to the clipboard.");
    } catch {
      setMessage("Could not copy: select the text and copy it by hand.");
    }
  }
  return (
    <>
      <button type="button" className={ui.buttonSecondary} onClick={copy}>
        {label}
      </button>
      <span className={ui.hint} role="status" aria-live="polite" style={{ marginLeft: "0.75rem" }}>
        {message}
      </span>
    </>
  );
}
