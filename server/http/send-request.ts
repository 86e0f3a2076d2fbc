import "server-only";
import http from "node:http";
import https from "node:https";

/**
 * Outgoing HTTP over node:http(s) with keep-alive connections, for calls made on the money path
 * (HandCash's API). fetch, with Next.js's wrapper around it, cost several times more CPU per call
 * (ADR 009), and every new payment's webhook waits for one such call.
 */

/** Idle pooled connections are closed before the other side (or a proxy) would close them under us. */
const IDLE_CONNECTION_MS = 4_000;
const agentOptions = { keepAlive: true, maxSockets: 64, timeout: IDLE_CONNECTION_MS };
const httpAgent = new http.Agent(agentOptions);
const httpsAgent = new https.Agent(agentOptions);

export interface OutgoingRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** For the whole exchange, not for each silence. */
  timeoutMs: number;
  /** A longer answer is abandoned rather than buffered. */
  maxResponseBytes: number;
}

export interface IncomingAnswer {
  status: number;
  text: string;
  /** The answer's Retry-After header, if any (HandCash's 429 and 503 may carry one). */
  retryAfter: string | null;
}

/** The server closed a pooled connection just as we reused it. */
class ConnectionClosedOnReuseError extends Error {}

function exchange({ method, url, headers, body, timeoutMs, maxResponseBytes }: OutgoingRequest): Promise<IncomingAnswer> {
  return new Promise((resolve, reject) => {
    const isHttps = url.protocol === "https:";
    const sentHeaders = body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) };
    const request = (isHttps ? https : http).request(url, { method, headers: sentHeaders, agent: isHttps ? httpsAgent : httpAgent }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxResponseBytes) chunks.push(chunk);
        else abandon(new Error(`the answer exceeded ${maxResponseBytes} bytes`));
      });
      response.on("end", () => {
        clearTimeout(deadline);
        const retryAfter = response.headers["retry-after"];
        resolve({
          status: response.statusCode ?? 0,
          text: Buffer.concat(chunks).toString("utf8"),
          retryAfter: typeof retryAfter === "string" ? retryAfter : null,
        });
      });
      response.on("error", (error) => {
        clearTimeout(deadline);
        reject(error);
      });
    });
    // Settled here and torn down without an error, so no stream is left emitting one nobody hears.
    const abandon = (error: Error) => {
      clearTimeout(deadline);
      reject(error);
      request.destroy();
    };
    const deadline = setTimeout(() => abandon(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      reject(request.reusedSocket && error.code === "ECONNRESET" ? new ConnectionClosedOnReuseError(error.message, { cause: error }) : error);
    });
    request.end(body);
  });
}

/**
 * Sends one request and reads the whole answer; rejects on network failure, timeout or an
 * oversized answer. A GET, PUT or DELETE that met a pooled connection closed under it is sent
 * once more on a fresh one; a POST is not, since it may have been received before the reset.
 */
export async function sendRequest(request: OutgoingRequest): Promise<IncomingAnswer> {
  try {
    return await exchange(request);
  } catch (error) {
    if (!(error instanceof ConnectionClosedOnReuseError) || request.method === "POST") throw error;
    return exchange(request);
  }
}
