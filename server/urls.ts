import "server-only";
import { articlePath } from "@/lib/routes";
import { env } from "@/server/env";

/** Where HandCash sends the reader back after paying; HandCash appends ?transactionId=…. */
export function articleUrl(slug: string): string {
  return `${env.APP_URL}${articlePath(slug)}`;
}

/** The exact URL to paste into HandCash and to send in each payment request. */
export function webhookUrl(): string {
  return `${env.APP_URL}/api/webhooks/handcash`;
}
