/**
 * What the production HTTP server (scripts/serve-app.ts) does to a request before Next sees it.
 * It records the connected peer in X-Forwarded-For, which `next start` does not do when a client
 * sent the header itself. And it refuses input that Next 16 answers with a 500 or an error-level
 * stack trace, with a 4xx and one warning line instead; each check names the Next behaviour it
 * stands in front of. The fault suite's bad-input corpus (tests/faults/bad-input-cases.ts) holds
 * every case to a 4xx.
 */
import fs from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// Next's own parser of the router-state header, so exactly what Next would fail on is refused here.
const { parseAndValidateFlightRouterState } = require("next/dist/server/app-render/parse-and-validate-flight-router-state.js") as {
  parseAndValidateFlightRouterState: (header: string | string[]) => unknown;
};

/** Next's server action ids: two hex characters of metadata, then a 40-character hash. */
const SERVER_ACTION_ID = /^[0-9a-f]{42}$/;

export interface RequestFault {
  status: 400 | 403 | 409;
  /** For the log line: what was wrong, in a word. */
  reason: string;
  message: string;
  /** Extra response headers (the marker Next's client router reads for an unknown action). */
  headers?: Record<string, string>;
}

export interface GatedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * Appends the address that connected to us to X-Forwarded-For, as a proxy does, so the last hop is
 * always the peer's address and server/http/client-ip.ts can count trusted hops from there.
 */
export function appendPeerAddress(headers: IncomingHttpHeaders, peerAddress: string | undefined): void {
  const peer = peerAddress ?? "unknown";
  const forwarded = headers["x-forwarded-for"];
  headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
}

/** The ids in the build's server-reference manifest; null when the build has none (nothing to check against). */
export function readServerActionIds(manifestFile: string): ReadonlySet<string> | null {
  if (!fs.existsSync(manifestFile)) return null;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { node?: Record<string, unknown>; edge?: Record<string, unknown> };
  return new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]);
}

/** The first thing wrong with the request that Next would not answer with a 4xx itself, or null. */
export function findRequestFault({ method, url, headers }: GatedRequest, serverActionIds: ReadonlySet<string> | null): RequestFault | null {
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  // Next decodes the path to match dynamic segments and, on failure, tries to render a /400 page the
  // App Router does not have: a bare 500.
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, reason: "malformed_path_encoding", message: "The URL path has malformed percent-encoding." };
  }
  // PostgreSQL text cannot hold NUL, so a NUL in a slug, id or filter fails the query; no URL here needs one.
  if (/%00/i.test(url)) return { status: 400, reason: "nul_in_url", message: "The URL must not contain NUL characters (%00)." };

  const routerState = headers["next-router-state-tree"];
  if (routerState !== undefined) {
    try {
      parseAndValidateFlightRouterState(routerState);
    } catch {
      return { status: 400, reason: "malformed_router_state", message: "The Next-Router-State-Tree header is malformed." };
    }
  }

  const actionId = headers["next-action"];
  if (actionId !== undefined && method === "POST") return findServerActionFault(actionId, headers, serverActionIds);
  return null;
}

/**
 * A server action Next does not know is logged by Next with its stack, and one posted from another
 * origin is a console.error and, for fetch actions, a 500. The answers mirror Next's (400 for a
 * malformed id, 409 with the marker header for an unknown one, which the client router handles).
 */
function findServerActionFault(actionId: string | string[], headers: IncomingHttpHeaders, serverActionIds: ReadonlySet<string> | null): RequestFault | null {
  if (typeof actionId !== "string" || !SERVER_ACTION_ID.test(actionId)) {
    return { status: 400, reason: "malformed_server_action", message: "Invalid Server Action request." };
  }
  if (serverActionIds && !serverActionIds.has(actionId)) {
    return { status: 409, reason: "unknown_server_action", message: "Server Action unavailable.", headers: { "x-nextjs-action-not-found": "1" } };
  }
  const origin = headers.origin;
  // Next compares the origin's host ("null" from sandboxed documents, anything unparseable fails).
  if (typeof origin === "string") {
    // The host Next compares the origin with: the first X-Forwarded-Host entry, else Host.
    const forwardedHost = headers["x-forwarded-host"];
    const host = (typeof forwardedHost === "string" ? forwardedHost.split(",")[0]?.trim() : undefined) || headers.host;
    if (hostOf(origin) !== host) return { status: 403, reason: "cross_origin_server_action", message: "Server actions are accepted from this site only." };
  }
  return null;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
