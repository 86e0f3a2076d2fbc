/** Admin dates are shown in UTC, the same on the server and in every owner's browser, and say so. */
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
  timeZone: "UTC",
});
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const HOUR = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });

export function formatDateTime(date: Date | string): string {
  return `${DATE_TIME.format(new Date(date))} UTC`;
}

export function formatShortDate(date: Date | string): string {
  return DATE.format(new Date(date));
}

export function formatHour(date: Date | string): string {
  return HOUR.format(new Date(date));
}

/** "42 s", "3 min 5 s", "2 h 10 min", "3 d 4 h". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min${seconds % 60 ? ` ${seconds % 60} s` : ""}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ""}`;
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio < 0.1 && ratio > 0 ? 1 : 0)}%`;
}

/** Shortens long ids for tables; the full value stays in the title attribute and on detail pages. */
export function shortId(id: string, keep = 10): string {
  return id.length > keep + 1 ? `${id.slice(0, keep)}…` : id;
}

/**
 * Who paid, as HandCash told us: the paymail, and the email only when it says something more. For
 * many HandCash users they are the same address, which read as "alice@handcash.io (alice@handcash.io)".
 */
export function formatPayer(paymail: string | null, email: string | null): string | null {
  const isSameAddress = paymail !== null && email !== null && paymail.trim().toLowerCase() === email.trim().toLowerCase();
  if (!paymail) return email;
  return email && !isSameAddress ? `${paymail} (${email})` : paymail;
}
