import "server-only";
import pg from "pg";
import { env } from "@/server/env";
import { log } from "@/server/log";

/**
 * The status of polled orders, kept in this process's memory and kept true by PostgreSQL: triggers
 * NOTIFY `tollgate_order_changed` with the order's id whenever an order changes (whoever writes it:
 * the webhook, the worker, an owner, another app instance), and this process LISTENs and forgets
 * that order. Every open paywall polls every 2 s, so most polls are answered without a query
 * (ADR 009).
 *
 * Never stale beyond the notice's own delay, by construction:
 * - nothing is cached or served from the cache unless the listening connection is up; it is
 *   emptied whenever that connection is lost or made, since notices sent meanwhile are lost;
 * - a read overtaken by any notice (or reconnection) while it ran is not stored (`generation`);
 * - an entry is also dropped after MAX_ENTRY_AGE_MS, in case a connection fails silently.
 */

const CHANNEL = "tollgate_order_changed";
const FORGET_ALL = "*";
const MAX_ENTRY_AGE_MS = 60_000;
const MAX_ENTRIES = 50_000;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

export interface CacheableOrderStatus {
  id: string;
  readerTokenHash: string;
}

interface Entry<T> {
  value: T;
  storedAt: number;
}

class OrderStatusCache<T extends CacheableOrderStatus> {
  private readonly entries = new Map<string, Entry<T>>();
  private generation = 0;
  private isListening = false;
  private isStarted = false;
  private reconnectDelayMs = RECONNECT_MIN_MS;

  /** The cached status when its reader asks for it, else `read()`'s answer, stored when safe. */
  async get(orderId: string, readerTokenHash: string, read: () => Promise<T | null>): Promise<T | null> {
    this.start();
    const entry = this.entries.get(orderId);
    if (entry && this.isListening && Date.now() - entry.storedAt < MAX_ENTRY_AGE_MS && entry.value.readerTokenHash === readerTokenHash) return entry.value;
    const generationBefore = this.generation;
    const value = await read();
    if (value && this.isListening && this.generation === generationBefore) this.store(orderId, value);
    return value;
  }

  /** For callers that just changed the order themselves and must not see the old status. */
  forget(orderId: string): void {
    this.generation++;
    this.entries.delete(orderId);
  }

  private store(orderId: string, value: T): void {
    this.entries.delete(orderId);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(orderId, { value, storedAt: Date.now() });
  }

  private forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  private start(): void {
    if (this.isStarted || !env.DATABASE_URL) return;
    this.isStarted = true;
    void this.listen(env.DATABASE_URL);
  }

  private async listen(connectionString: string): Promise<void> {
    const client = new pg.Client({ connectionString, application_name: "tollgate-order-status-listener", keepAlive: true });
    let isLost = false;
    const onLost = (error?: Error) => {
      if (isLost) return;
      isLost = true;
      this.isListening = false;
      this.forgetAll();
      client.end().catch(() => {});
      log.warn({ event: "order_status_cache.listener_lost", err: error }, "order status cache off until PostgreSQL notices can be heard again");
      setTimeout(() => void this.listen(connectionString), this.reconnectDelayMs).unref();
      this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, RECONNECT_MAX_MS);
    };
    client.on("error", onLost);
    client.on("end", () => onLost());
    client.on("notification", ({ payload }) => {
      if (payload === FORGET_ALL || payload === undefined) this.forgetAll();
      else this.forget(payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (isLost) return;
    this.forgetAll();
    this.isListening = true;
    this.reconnectDelayMs = RECONNECT_MIN_MS;
    log.info({ event: "order_status_cache.listening" }, "order status cache on: listening for PostgreSQL's order change notices");
  }
}

// Hot reloading in development re-evaluates modules; keep one listener per process.
const globalForCache = globalThis as unknown as { tollgateOrderStatusCache?: OrderStatusCache<CacheableOrderStatus> };

export function orderStatusCache<T extends CacheableOrderStatus>(): OrderStatusCache<T> {
  globalForCache.tollgateOrderStatusCache ??= new OrderStatusCache<CacheableOrderStatus>();
  return globalForCache.tollgateOrderStatusCache as OrderStatusCache<T>;
}
