"use client";

import { useCallback } from "react";
import useSWR from "swr";
import { ORDER_POLL_INTERVAL_MS } from "@/lib/config";
import { getJson } from "@/lib/fetcher";
import { orderStatusPath } from "@/lib/routes";
import { parseOrderStatusView } from "@/lib/order-responses";
import { TERMINAL_ORDER_STATUS_NAMES } from "@/lib/order-statuses";
import type { OrderStatusView } from "@/lib/schemas/orders";

/**
 * Polls our own status endpoint (never HandCash) every 2 s while the order is pending. Back from
 * HandCash, the `transactionId` it appended is passed along so the server asks HandCash at once.
 * Polling stops once the status is terminal or the payment window has passed, and pauses
 * while the tab is hidden; SWR revalidates when the reader comes back to the tab.
 */
export function useOrderStatus(orderId: string | null, expiresAt: string | null, transactionIdHint: string | null) {
  // Stable across renders: SWR restarts its timer whenever this function changes, and a parent
  // that re-renders more often than the interval (a ticking countdown) would starve the poll.
  const refreshInterval = useCallback(
    (latest: OrderStatusView | undefined) => {
      if (latest && TERMINAL_ORDER_STATUS_NAMES.has(latest.status)) return 0;
      if (expiresAt && Date.parse(expiresAt) <= Date.now()) return 0;
      return ORDER_POLL_INTERVAL_MS;
    },
    [expiresAt],
  );
  const key = orderId ? `${orderStatusPath(orderId)}${transactionIdHint ? `?transactionId=${encodeURIComponent(transactionIdHint)}` : ""}` : null;
  return useSWR<OrderStatusView>(key, (url: string) => getJson(url, parseOrderStatusView), {
    refreshInterval,
    refreshWhenHidden: false,
    revalidateOnFocus: true,
    dedupingInterval: 1_000,
  });
}
