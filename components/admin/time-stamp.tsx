import { formatDateTime } from "./format";
import ui from "./admin-ui.module.css";

/** A moment in UTC; the date and the time each stay on one line, so a narrow column breaks between them. */
export function TimeStamp({ date }: { date: Date | string | null }) {
  if (!date) return <span aria-label="none">—</span>;
  const value = new Date(date);
  const [day, time] = formatDateTime(value).split(", ");
  return (
    <time dateTime={value.toISOString()}>
      <span className={ui.nowrap}>{day},</span> <span className={ui.nowrap}>{time}</span>
    </time>
  );
}
