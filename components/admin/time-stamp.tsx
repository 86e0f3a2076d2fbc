import ui from "./admin-ui.module.css";
import { formatDateTime } from "./format";

export function TimeStamp({ date }: { date: Date | string | null }) {
  // A screen reader says "none" rather than "em dash" (a plain <span> cannot carry an aria-label).
  if (!date)
    return (
      <span>
        <span aria-hidden="true">—</span>
        <span className={ui.visuallyHidden}>none</span>
      </span>
    );
  const value = new Date(date);
  return <time dateTime={value.toISOString()}>{formatDateTime(value)}</time>;
}
