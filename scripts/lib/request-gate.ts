/**
 * What the production HTTP server (scripts/serve-app.ts) does to a request before Next sees it:
 * it records the connected peer in X-Forwarded-For, which `next start` does not do when a client
 * sent the header itself.
 */
import type { IncomingHttpHeaders } from "node:http";

/**
 * Appends the address that connected to us to X-Forwarded-For, as a proxy does, so the last hop is
 * always the peer's address and server/http/client-ip.ts can count trusted hops from there.
 */
export function appendPeerAddress(headers: IncomingHttpHeaders, peerAddress: string | undefined): void {
  const peer = peerAddress ?? "unknown";
  const forwarded = headers["x-forwarded-for"];
  headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
}
