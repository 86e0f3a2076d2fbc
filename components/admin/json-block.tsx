import ui from "./admin-ui.module.css";

/** Stored JSON (webhook payloads, HandCash's answers), pretty-printed as text, never as HTML. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <pre className={ui.pre} aria-label={label} tabIndex={0}>
      <code>{JSON.stringify(value, null, 2)}</code>
    </pre>
  );
}
