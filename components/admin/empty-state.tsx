import type { ReactNode } from "react";
import ui from "./admin-ui.module.css";

/** What an empty list says: what would be here, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={ui.empty}>
      <strong>{title}</strong>
      {children}
    </div>
  );
}
