/**
 * The production HTTP server, in place of `next start`: Next's request handler through its
 * documented custom-server API, behind scripts/lib/request-gate.ts. `next start` keeps an
 * X-Forwarded-For sent by a client as it is and drops the address that actually connected, so
 * behind no proxy any client could be any address; here the peer's address is always appended, and
 * server/http/client-ip.ts counts TRUSTED_PROXY_HOPS back from it. The gate also answers bad input
 * that Next would turn into a 500 with a 4xx.
 *
 *   node --import tsx scripts/serve-app.ts --port 3000      (npm start, the e2e and fault stacks)
 *
 * Its only setting is LOG_LEVEL, for its own warnings; the app validates the environment when Next loads it.
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import pino from "pino";
import nextConfig from "../next.config.js";
import { appendPeerAddress, findRequestFault, readServerActionIds } from "./lib/request-gate.ts";

const port = parsePortArgument(process.argv.slice(2));
const dir = process.cwd();
// The same line shape as server/log.ts, which cannot be loaded outside Next (it is server-only).
const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "tollgate" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

const app = next({ dev: false, dir, port });
const handle = app.getRequestHandler();
await app.prepare();
// The build folder next.config.js names (.next, or the test stacks' .next-test).
const serverActionIds = readServerActionIds(path.join(dir, nextConfig.distDir ?? ".next", "server/server-reference-manifest.json"));

const server = http.createServer((req, res) => {
  appendPeerAddress(req.headers, req.socket.remoteAddress);
  const fault = findRequestFault({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers }, serverActionIds);
  if (fault) {
    log.warn(
      {
        event: "http.bad_request",
        reason: fault.reason,
        status: fault.status,
        method: req.method,
        url: (req.url ?? "").slice(0, 200),
        ip: req.socket.remoteAddress,
      },
      "request refused before the app",
    );
    res
      .writeHead(fault.status, { "content-type": "application/json", "cache-control": "no-store", ...fault.headers })
      .end(JSON.stringify({ error: fault.message }));
    return;
  }
  void handle(req, res);
});

server.listen(port, () => console.log(`Tollgate listening on port ${port}`));

// Stop taking connections, let requests in flight finish, then close Next; a second signal is not awaited.
let isStopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (isStopping) return;
    isStopping = true;
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
  });
}

function parsePortArgument(args: string[]): number {
  const index = args.indexOf("--port");
  const value = index === -1 ? undefined : Number(args[index + 1]);
  if (value === undefined || !Number.isInteger(value) || value < 1 || value > 65_535) {
    console.error("Usage: node --import tsx scripts/serve-app.ts --port <1-65535>");
    process.exit(1);
  }
  return value;
}
