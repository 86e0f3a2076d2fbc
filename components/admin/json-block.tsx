import ui from "./admin-ui.module.css";

/** Stored JSON (webhook payloads, HandCash's answers), pretty-printed as text, never as HTML. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  // A named region, so that the label is announced (ARIA names no plain <pre>).
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <section> would lose <pre>'s preformatted text.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the block scrolls sideways, and keyboard users focus it to scroll (WCAG 2.1.1).
    <pre className={ui.pre} role="region" aria-label={label} tabIndex={0}>
      <code>{JSON.stringify(value, null, 2)}</code>
    </pre>
  );
}
