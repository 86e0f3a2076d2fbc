import "server-only";

/** Characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP CSV injection). */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * One CSV cell (RFC 4180). A value that a spreadsheet would run as a formula, such as a payer
 * paymail or a product title typed as "=HYPERLINK(…)", is prefixed with a quote so it stays text.
 */
export function toCsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && text.length > 0 && FORMULA_TRIGGERS.has(text[0]!)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(toCsvCell).join(",")}\r\n`;
}
