/**
 * The production HTTP server, in place of `next start`: Next's request handler through its
 * documented custom-server API, behind scripts/lib/request-gate.ts. `next start` keeps an
 * X-Forwarded-For sent by a client as it is and drops the address that actually connected, so
 * behind no proxy any client could be any address; here the peer's address is always appended, and
 * server/http/client-ip.ts counts TRUSTED_PROXY_HOPS back from it.
 *
 *   node --import tsx scripts/serve-app.ts --port 3000      (npm start, the e2e and fault stacks)
 *
 * It reads no configuration of its own: the app validates the environment when Next loads it.
 */
import http from "node:http";
import next from "next";
import { appendPeerAddress } from "./lib/request-gate.ts";

const port = parsePortArgument(process.argv.slice(2));
const dir = process.cwd();

const app = next({ dev: false, dir, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  appendPeerAddress(req.headers, req.socket.remoteAddress);
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
