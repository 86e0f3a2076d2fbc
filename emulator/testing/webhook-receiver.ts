import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A throwaway HTTP server that records every webhook it receives and answers as a test tells
 * it to. Test support only; the emulator itself never imports it.
 */

export interface ReceivedWebhook {
  index: number;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  body: unknown;
  receivedAt: number;
}

export interface ReceiverResponse {
  status: number;
  body?: string;
  /** Holds the answer back, e.g. to trip the emulator's per-attempt timeout. */
  delayMs?: number;
}

export type Responder = (webhook: ReceivedWebhook) => ReceiverResponse;

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Requests currently being handled, and the most seen at once: shows whether copies arrived concurrently. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  setResponder: (responder: Responder) => void;
  waitForCount: (count: number, timeoutMs?: number) => Promise<ReceivedWebhook[]>;
  close: () => Promise<void>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function startWebhookReceiver(initialResponder: Responder = () => ({ status: 200, body: "ok" })): Promise<WebhookReceiver> {
  let responder = initialResponder;
  const received: ReceivedWebhook[] = [];
  const waiters = new Set<() => void>();
  const pendingTimers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = http.createServer((request, response) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const webhook: ReceivedWebhook = {
        index: received.length,
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        rawBody,
        body: parseJson(rawBody),
        receivedAt: Date.now(),
      };
      received.push(webhook);
      for (const wake of waiters) wake();
      const answer = responder(webhook);
      const send = () => {
        inFlight--;
        if (response.destroyed) return;
        response.writeHead(answer.status, { "content-type": "text/plain" });
        response.end(answer.body ?? "");
      };
      if (answer.delayMs) {
        const timer = setTimeout(() => {
          pendingTimers.delete(timer);
          send();
        }, answer.delayMs);
        pendingTimers.add(timer);
      } else {
        send();
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    // localhost, not 127.0.0.1: HandCash (and so the emulator) accepts plain http only for localhost.
    url: `http://localhost:${port}/webhooks/handcash`,
    received,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    setResponder: (next) => {
      responder = next;
    },
    waitForCount: (count, timeoutMs = 3_000) =>
      new Promise((resolve, reject) => {
        if (received.length >= count) {
          resolve(received.slice());
          return;
        }
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} webhooks within ${timeoutMs} ms, got ${received.length}`));
        }, timeoutMs);
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(received.slice());
        };
        waiters.add(check);
      }),
    close: () =>
      new Promise((resolve) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
