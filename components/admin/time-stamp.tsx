import { formatDateTime } from "./format";

export function TimeStamp({ date }: { date: Date | string | null }) {
  if (!date) return <span aria-label="none">—</span>;
  const value = new Date(date);
  return <time dateTime={value.toISOString()}>{formatDateTime(value)}</time>;
}
