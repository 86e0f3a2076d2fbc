"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useOrderStatus } from "@/lib/hooks/use-order-status";
import { ApiError, postJson } from "@/lib/fetcher";
import { formatMoney, type Money } from "@/lib/money";
import { parseCreatedOrder } from "@/lib/order-responses";
import type { CreatedOrder } from "@/lib/schemas/orders";
import styles from "./paywall.module.css";

interface PaywallProps {
  productId: string;
  price: Money;
  /** An order already waiting for payment (the reader came back, or reloaded). */
  pendingOrder: CreatedOrder | null;
}

export function Paywall({ productId, price, pendingOrder }: PaywallProps) {
  const router = useRouter();
  const [order, setOrder] = useState<CreatedOrder | null>(pendingOrder);
  const [isCreating, setIsCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const transactionIdHint = useSearchParams().get("transactionId");
  const { data: status, mutate } = useOrderStatus(order?.orderId ?? null, order?.expiresAt ?? null, transactionIdHint);
  const secondsLeft = useSecondsLeft(order?.expiresAt ?? null);
  const state = status?.status ?? order?.status ?? null;

  useEffect(() => {
    if (state === "paid") router.refresh();
  }, [state, router]);

  // One last look when the window closes: the server decides whether it expired or was paid.
  useEffect(() => {
    if (secondsLeft === 0) void mutate();
  }, [secondsLeft, mutate]);

  async function startOrder() {
    setIsCreating(true);
    setCreateError(null);
    try {
      setOrder(await postJson("/api/orders", { productId }, parseCreatedOrder));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) router.refresh();
      else setCreateError(error instanceof Error ? error.message : "Could not start the payment.");
    } finally {
      setIsCreating(false);
    }
  }

  const priceLabel = formatMoney(price);
  const isAwaitingPayment = order !== null && (state === "pending" || state === null) && secondsLeft !== 0;

  return (
    <section className={styles.paywall} aria-labelledby="paywall-title">
      <h2 id="paywall-title" className={styles.title}>
        Keep reading
      </h2>
      <p className={styles.lead}>The rest of this article is for paying readers. Pay once with HandCash and it is yours, on this browser, for good.</p>

      {!isAwaitingPayment && state !== "paid" && state !== "needs_review" && (
        <button type="button" className={styles.unlockButton} onClick={startOrder} disabled={isCreating}>
          {isCreating ? "Preparing payment…" : `Unlock for ${priceLabel}`}
        </button>
      )}

      {isAwaitingPayment && order && (
        <div className={styles.payment}>
          <div className={styles.paymentText}>
            <p className={styles.price}>
              <span className={styles.priceLabel}>Price</span> {formatMoney(order.price)}
            </p>
            <a className={styles.payButton} href={order.paymentRequestUrl}>
              Pay with HandCash
            </a>
            <p className={`${styles.hint} ${styles.scanOnly}`}>HandCash app on your phone? Scan the code instead.</p>
          </div>
          {/* biome-ignore lint/performance/noImgElement: HandCash serves the QR image, and next/image would only proxy it. */}
          <img
            className={`${styles.qr} ${styles.scanOnly}`}
            src={order.paymentRequestQrCodeUrl}
            alt="QR code for paying with the HandCash app"
            width={180}
            height={180}
          />
        </div>
      )}

      <p className={styles.status} role="status" aria-live="polite">
        {describeState({ state, isAwaitingPayment, secondsLeft, createError })}
      </p>
    </section>
  );
}

function describeState({
  state,
  isAwaitingPayment,
  secondsLeft,
  createError,
}: {
  state: string | null;
  isAwaitingPayment: boolean;
  secondsLeft: number | null;
  createError: string | null;
}): string {
  if (createError) return createError;
  if (state === "paid") return "Payment confirmed. Unlocking the article…";
  if (state === "needs_review") return "We received your payment notice and are confirming it with HandCash. This page unlocks by itself once it is confirmed.";
  if (isAwaitingPayment) return `Waiting for payment… ${formatCountdown(secondsLeft)} left.`;
  if (state === "expired" || secondsLeft === 0) return "This payment request expired before a payment arrived. Start again to get a new one.";
  if (state === "failed") return "The payment could not be set up. Please try again.";
  return "";
}

function formatCountdown(seconds: number | null): string {
  if (seconds === null) return "";
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * Seconds until `expiresAt`, ticking once a second; 0 once passed. Null before the first tick
 * (the server render cannot know the browser's clock) and without a deadline.
 */
function useSecondsLeft(expiresAt: string | null): number | null {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!expiresAt) {
      setSecondsLeft(null);
      return;
    }
    const tick = () => setSecondsLeft(Math.max(0, Math.ceil((Date.parse(expiresAt) - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1_000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return secondsLeft;
}
