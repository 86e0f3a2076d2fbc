import ui from "./admin-ui.module.css";
import { formatDateTime } from "./format";

/** A moment in UTC; the date and the time each stay on one line, so a narrow column breaks between them. */
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
  const [day, time] = formatDateTime(value).split(", ");
  return (
    <time dateTime={value.toISOString()}>
      <span className={ui.nowrap}>{day},</span> <span className={ui.nowrap}>{time}</span>
    </time>
  );
}
