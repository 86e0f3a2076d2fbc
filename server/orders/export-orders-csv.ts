import "server-only";
import { MINOR_UNIT_DIGITS } from "@/lib/money";
import type { OrderListQuery } from "@/lib/schemas/admin-orders";
import { toCsvRow } from "@/server/admin/csv";
import { db } from "@/server/db";
import { buildOrderFilter, buildOrderSort } from "@/server/orders/build-order-filter";
import { ADMIN_ORDER_ROW_SELECT } from "@/server/orders/list-orders-for-admin";

export interface ExportOrdersCsvOptions {
  query: OrderListQuery;
}

export const ORDERS_CSV_HEADER = [
  "order_id",
  "created_at",
  "status",
  "product",
  "product_slug",
  "amount",
  "currency",
  "paid_at",
  "payment_request_id",
  "transaction_ids",
  "payer_paymails",
] as const;

const BATCH_SIZE = 500;

/**
 * Every order matching the table's filters (all pages, in the table's order) as CSV, streamed in
 * batches so a large export never sits in memory. Amounts are decimal major units ("2.50").
 */
export function exportOrdersCsv({ query }: ExportOrdersCsvOptions): ReadableStream<Uint8Array> {
  const where = buildOrderFilter(query);
  const orderBy = buildOrderSort(query.sort, query.dir);
  const encoder = new TextEncoder();
  let skip = 0;
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(toCsvRow(ORDERS_CSV_HEADER)));
        return;
      }
      const rows = await db.order.findMany({ where, orderBy, skip, take: BATCH_SIZE, select: ADMIN_ORDER_ROW_SELECT });
      skip += rows.length;
      const text = rows
        .map((order) =>
          toCsvRow([
            order.id,
            order.createdAt.toISOString(),
            order.status,
            order.productTitle,
            order.product.slug,
            (order.amount / 10 ** MINOR_UNIT_DIGITS[order.currency]).toFixed(MINOR_UNIT_DIGITS[order.currency]),
            order.currency,
            order.paidAt?.toISOString() ?? null,
            order.paymentRequestId,
            order.payments.map((payment) => payment.transactionId).join(" "),
            [...new Set(order.payments.map((payment) => payment.payerPaymail).filter(Boolean))].join(" "),
          ]),
        )
        .join("");
      if (text) controller.enqueue(encoder.encode(text));
      if (rows.length < BATCH_SIZE) controller.close();
    },
  });
}
