import { getPayability } from "./payment-request-state";
import { type StoredPaymentRequest, sumReceivers } from "./store";
import { TEST_USERS } from "./test-wallet";

/**
 * The emulator's stand-in for the HandCash wallet's checkout: self-contained HTML (no external
 * assets, so it works offline) where a test user "pays". Every interpolated value goes
 * through escapeHtml because product names and URLs come from the app under test.
 */

export function escapeHtml(value: unknown): string {
  return String(value).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

const STYLES = `
  :root { color-scheme: light; --ink: #10231a; --muted: #4d5e55; --accent: #0b7a3e; --line: #d7e0da; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #f2f5f3; }
  main { max-width: 30rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border: 1px solid var(--line); border-radius: 12px; }
  header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; margin-bottom: 1rem; }
  .brand { font-weight: 700; font-size: 1.1rem; }
  .badge { font-size: .8rem; font-weight: 600; padding: .2rem .6rem; border-radius: 999px; background: #fff3c4; color: #5c4400; border: 1px solid #e6c65c; }
  h1 { font-size: 1.35rem; margin: .25rem 0; }
  .muted { color: var(--muted); }
  .amount { font-size: 2rem; font-weight: 700; margin: .75rem 0 0; }
  .product-image { display: block; max-width: 100%; max-height: 12rem; border-radius: 8px; margin: .5rem 0; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; margin: 1rem 0; }
  dt { color: var(--muted); }
  dd { margin: 0; overflow-wrap: anywhere; }
  form { display: grid; gap: .75rem; margin-top: 1rem; }
  .field { display: grid; gap: .25rem; }
  label { font-weight: 600; }
  select, input { font: inherit; padding: .5rem .6rem; border: 1px solid #9fb0a6; border-radius: 8px; }
  button { font: inherit; font-weight: 700; padding: .7rem 1rem; border: 0; border-radius: 8px; background: var(--accent); color: #fff; cursor: pointer; }
  button:hover { background: #075f30; }
  :focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  .cancel { display: inline-block; margin-top: .75rem; color: var(--muted); }
  .notice { padding: .75rem 1rem; border-radius: 8px; background: #eef3f0; border: 1px solid var(--line); }
  code { font-size: .85rem; overflow-wrap: anywhere; }
  table { width: 100%; border-collapse: collapse; } td, th { text-align: left; padding: .35rem; border-bottom: 1px solid var(--line); }
`;

function renderDocument(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<style>${STYLES}</style>
</head>
<body>
<main>
<header><span class="brand">HandCash <span class="muted">(emulator)</span></span><span class="badge" role="note">Emulator — no real money</span></header>
${content}
</main>
</body>
</html>`;
}

export function formatAmount(record: StoredPaymentRequest): string {
  const currency = record.denominationCurrencyCode ?? record.instrumentCurrencyCode;
  const amount = sumReceivers(record.receivers);
  // Fiat shows cents; BSV/MNEE amounts keep their precision.
  const text = /^[A-Z]{3}$/.test(currency) && currency !== "BSV" ? amount.toFixed(2) : String(amount);
  return `${currency} ${text}`;
}

function isSafeImageUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

function renderSummary(record: StoredPaymentRequest): string {
  const { product } = record;
  const image =
    product.imageUrl && isSafeImageUrl(product.imageUrl)
      ? `<img class="product-image" src="${escapeHtml(product.imageUrl)}" alt="${escapeHtml(product.name)}">`
      : "";
  const receivers = record.receivers.map((receiver) => `<dd>${escapeHtml(receiver.destination)} (${escapeHtml(receiver.sendAmount)})</dd>`).join("");
  return `${image}
<h1>${escapeHtml(product.name)}</h1>
${product.description ? `<p class="muted">${escapeHtml(product.description)}</p>` : ""}
<p class="amount">${escapeHtml(formatAmount(record))}</p>
<dl>
<dt>Paid in</dt><dd>${escapeHtml(record.instrumentCurrencyCode)}</dd>
<dt>${record.receivers.length > 1 ? "Receivers" : "Receiver"}</dt>${receivers}
${record.payments.length > 0 ? `<dt>Payments</dt><dd>${record.payments.length}</dd>` : ""}
</dl>`;
}

function renderCancelLink(record: StoredPaymentRequest): string {
  return record.redirectUrl ? `<a class="cancel" href="${escapeHtml(record.redirectUrl)}">Cancel</a>` : "";
}

export function renderPayPage(record: StoredPaymentRequest, now: Date): string {
  const payability = getPayability(record, now);
  const title = `Pay ${record.product.name} — HandCash (emulator)`;
  if (!payability.isPayable) {
    return renderDocument(
      title,
      `${renderSummary(record)}
<p class="notice" role="status">${escapeHtml(payability.message)}.</p>
${renderCancelLink(record)}`,
    );
  }
  const options = TEST_USERS.map(
    (user, index) =>
      `<option value="${escapeHtml(user.id)}" data-email="${escapeHtml(user.email)}"${index === 0 ? " selected" : ""}>${escapeHtml(user.displayName)} ($${escapeHtml(user.handle)})</option>`,
  ).join("");
  const defaultEmail = TEST_USERS[0]?.email ?? "";
  const form = `<form method="post" action="/pay/${escapeHtml(encodeURIComponent(record.id))}">
<div class="field"><label for="userId">Pay as</label>
<select id="userId" name="userId">${options}</select></div>
<div class="field"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="off" value="${escapeHtml(defaultEmail)}"></div>
<button type="submit">Pay ${escapeHtml(formatAmount(record))}</button>
</form>
<script>
  // Keeps the email in step with the chosen user; without JavaScript the first user's email stays.
  document.getElementById("userId").addEventListener("change", function (event) {
    var option = event.target.selectedOptions[0];
    document.getElementById("email").value = option ? option.getAttribute("data-email") : "";
  });
</script>`;
  return renderDocument(
    title,
    `${renderSummary(record)}${form}
${renderCancelLink(record)}`,
  );
}

export function renderMessagePage(heading: string, message: string): string {
  return renderDocument(`${heading} — HandCash (emulator)`, `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p>`);
}

export function renderPaymentSentPage(record: StoredPaymentRequest, transactionId: string): string {
  return renderDocument(
    "Payment sent — HandCash (emulator)",
    `<h1>Payment sent</h1>
<p>${escapeHtml(formatAmount(record))} for ${escapeHtml(record.product.name)}.</p>
<dl><dt>Transaction</dt><dd><code>${escapeHtml(transactionId)}</code></dd></dl>`,
  );
}

export function renderIndexPage(records: readonly StoredPaymentRequest[], now: Date): string {
  const rows = records
    .map((record) => {
      const payability = getPayability(record, now);
      const state = payability.isPayable ? "payable" : payability.reason.replace("_", " ");
      return `<tr><td><a href="/pay/${escapeHtml(record.id)}">${escapeHtml(record.product.name)}</a></td><td>${escapeHtml(formatAmount(record))}</td><td>${escapeHtml(state)}</td></tr>`;
    })
    .join("");
  const table = rows
    ? `<table><thead><tr><th scope="col">Product</th><th scope="col">Amount</th><th scope="col">State</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">No payment requests yet. Start a purchase in the app.</p>`;
  return renderDocument("Payment requests — HandCash (emulator)", `<h1>Payment requests</h1>${table}`);
}
