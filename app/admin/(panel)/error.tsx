"use client";

import ui from "@/components/admin/admin-ui.module.css";

/** An admin page failed to load (the database not answering, most often); the frame stays usable. */
export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert">
      <h1 className={ui.pageTitle}>This page could not be loaded</h1>
      <p className={ui.pageLead} style={{ marginBottom: "1rem" }}>
        Nothing was changed. If it keeps happening, check the database on the Settings page and the server logs.
      </p>
      <button type="button" className={ui.button} onClick={reset}>
        Try again
      </button>
    </div>
  );
}
