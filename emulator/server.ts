import http from "node:http";
import type { AddressInfo } from "node:net";
import { type EmulatorConfig, resolveEmulatorConfig } from "./config";
import { createEmulatorContext } from "./context";
import { HttpError, type Reply, replyJson } from "./http";
import { takeOutageAnswer } from "./outage";
import { findRoute, type Route } from "./router";
import { buildControlRoutes } from "./routes/control";
import { buildFaviconRoutes } from "./routes/favicon";
import { buildPayPageRoutes } from "./routes/pay-page";
import { buildPaymentRequestRoutes } from "./routes/payment-requests";
import { buildQrCodeRoutes } from "./routes/qr-code";
import { EmulatorStore } from "./store";
import { WebhookDispatcher } from "./webhook-delivery";

export interface EmulatorServerOptions {
  /** One line per notable event (payments, webhook attempts, errors). Silent unless given, so tests stay quiet. */
  log?: (line: string) => void;
}

export interface EmulatorServer {
  /** Starts listening and resolves with the base URL, e.g. http://127.0.0.1:4010. */
  listen: () => Promise<string>;
  /** Stops accepting requests, drops open connections and cancels every pending webhook retry. */
  close: () => Promise<void>;
  store: EmulatorStore;
  dispatcher: WebhookDispatcher;
  config: EmulatorConfig;
}

function formatHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

function writeReply(response: http.ServerResponse, reply: Reply): void {
  const body = reply.body ?? "";
  response.writeHead(reply.status, {
    ...reply.headers,
    "content-length": String(Buffer.byteLength(body)),
  });
  response.end(body);
}

/**
 * A stand-in for HandCash Cloud over real HTTP, so the app's own client runs unchanged and only
 * its base URL differs. Accepts a partial config; missing values take the documented defaults.
 */
export function createEmulatorServer(overrides: Partial<EmulatorConfig> = {}, options: EmulatorServerOptions = {}): EmulatorServer {
  const config = resolveEmulatorConfig(overrides);
  const log = options.log ?? (() => {});
  const store = new EmulatorStore();
  const dispatcher = new WebhookDispatcher(config, store, log);
  let publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const context = createEmulatorContext({ config, store, dispatcher, getPublicUrl: () => publicUrl, log });
  const routes: Route[] = [
    ...buildControlRoutes(context),
    ...buildPaymentRequestRoutes(context),
    ...buildQrCodeRoutes(context),
    ...buildPayPageRoutes(context),
    ...buildFaviconRoutes(),
  ];

  async function handleRequest(request: http.IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? "/", "http://emulator.invalid");
    try {
      const outage = url.pathname.startsWith("/v3/") ? takeOutageAnswer(context, request.method === "POST") : null;
      if (outage && !outage.isAfterCreating) return outage.reply;
      const { route, params } = findRoute(routes, request.method ?? "GET", url.pathname);
      const reply = await route.handle({ request, url, params });
      return outage ? outage.reply : reply;
    } catch (error) {
      if (error instanceof HttpError) {
        const reply = replyJson(error.status, { message: error.message });
        return { ...reply, headers: { ...reply.headers, ...error.headers } };
      }
      log(`error on ${request.method} ${url.pathname}: ${(error as Error).stack ?? String(error)}`);
      return replyJson(500, { message: "Internal emulator error" });
    }
  }

  const server = http.createServer((request, response) => {
    handleRequest(request).then(
      (reply) => writeReply(response, reply),
      () => writeReply(response, replyJson(500, { message: "Internal emulator error" })),
    );
  });

  return {
    store,
    dispatcher,
    config,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          server.off("error", reject);
          const { port } = server.address() as AddressInfo;
          if (config.publicUrl === null) publicUrl = `http://localhost:${port}`;
          resolve(`http://${formatHost(config.host)}:${port}`);
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        dispatcher.cancelAll();
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
