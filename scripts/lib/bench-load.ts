/**
 * A small HTTP load generator for scripts/bench.ts: keep-alive connections from node:http, either
 * a fixed number of requests in flight (closed loop, for throughput) or a fixed arrival rate (open
 * loop, for latency under a given load). Open-loop latency is measured from each request's
 * scheduled start, so a stalled server cannot hide its queueing delay (no coordinated omission).
 */
import http from "node:http";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  label: string;
  requests: number;
  /** Non-2xx answers and socket errors. */
  errors: number;
  errorSamples: string[];
  durationMs: number;
  latenciesMs: number[];
  /**
   * Fixed rate only: the most a request left after its scheduled time. Latency counts from the
   * schedule, so a stall of the load generator itself would show as server latency; this tells.
   */
  maxSendLatenessMs: number;
}

export interface ClosedLoopOptions {
  label: string;
  baseUrl: string;
  concurrency: number;
  durationMs: number;
  /** Stops early once this many requests were sent (e.g. when each needs its own order). */
  maxRequests?: number;
  buildRequest(index: number): LoadRequest;
}

export interface FixedRateOptions {
  label: string;
  baseUrl: string;
  ratePerSecond: number;
  durationMs: number;
  buildRequest(index: number): LoadRequest;
}

/**
 * Keep-alive connections idle for this long are closed by the generator itself, before Node's
 * server (keepAliveTimeout 5 s) closes them: otherwise a request sent on a connection the server is
 * closing at that instant fails with ECONNRESET, a client-side race that is no fault of the server.
 */
const IDLE_CONNECTION_MS = 4_000;

function createAgent(maxSockets?: number): http.Agent {
  return new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS, ...(maxSockets !== undefined && { maxSockets }) });
}

function sendOne(agent: http.Agent, baseUrl: URL, request: LoadRequest): Promise<{ status: number; error: string | null }> {
  return new Promise((resolve) => {
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const outgoing = http.request(
      {
        agent,
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, ...(body && { "content-length": String(body.length) }) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, error: null }));
        response.on("error", (error) => resolve({ status: 0, error: error.message }));
      },
    );
    outgoing.on("error", (error) => resolve({ status: 0, error: error.message }));
    outgoing.end(body);
  });
}

function createCollector(label: string) {
  const result: LoadResult = { label, requests: 0, errors: 0, errorSamples: [], durationMs: 0, latenciesMs: [], maxSendLatenessMs: 0 };
  return {
    result,
    record(latencyMs: number, { status, error }: { status: number; error: string | null }) {
      result.requests++;
      result.latenciesMs.push(latencyMs);
      if (status < 200 || status >= 300) {
        result.errors++;
        if (result.errorSamples.length < 5) result.errorSamples.push(error ?? `HTTP ${status}`);
      }
    },
  };
}

export async function runClosedLoop({ label, baseUrl, concurrency, durationMs, maxRequests = Infinity, buildRequest }: ClosedLoopOptions): Promise<LoadResult> {
  const agent = createAgent(concurrency);
  const url = new URL(baseUrl);
  const { result, record } = createCollector(label);
  const startedAt = performance.now();
  const deadline = startedAt + durationMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && next < maxRequests) {
        const request = buildRequest(next++);
        const sentAt = performance.now();
        const answer = await sendOne(agent, url, request);
        record(performance.now() - sentAt, answer);
      }
    }),
  );
  result.durationMs = performance.now() - startedAt;
  agent.destroy();
  return result;
}

export async function runFixedRate({ label, baseUrl, ratePerSecond, durationMs, buildRequest }: FixedRateOptions): Promise<LoadResult> {
  // No socket cap: at a fixed arrival rate a slow server must show up as latency, not as client queueing.
  const agent = createAgent();
  const url = new URL(baseUrl);
  const { result, record } = createCollector(label);
  const total = Math.round((ratePerSecond * durationMs) / 1000);
  const intervalMs = 1000 / ratePerSecond;
  const startedAt = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let index = 0; index < total; index++) {
    const scheduledAt = startedAt + index * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    result.maxSendLatenessMs = Math.max(result.maxSendLatenessMs, performance.now() - scheduledAt);
    pending.push(sendOne(agent, url, buildRequest(index)).then((answer) => record(performance.now() - scheduledAt, answer)));
  }
  await Promise.all(pending);
  result.durationMs = performance.now() - startedAt;
  agent.destroy();
  return result;
}

/** One scenario measured in several slices: its requests, errors, time and latencies together. */
export function mergeLoadResults(a: LoadResult, b: LoadResult): LoadResult {
  return {
    label: a.label,
    requests: a.requests + b.requests,
    errors: a.errors + b.errors,
    errorSamples: [...a.errorSamples, ...b.errorSamples].slice(0, 5),
    durationMs: a.durationMs + b.durationMs,
    latenciesMs: [...a.latenciesMs, ...b.latenciesMs],
    maxSendLatenessMs: Math.max(a.maxSendLatenessMs, b.maxSendLatenessMs),
  };
}

export function getPercentile(sortedValues: number[], fraction: number): number {
  if (sortedValues.length === 0) return Number.NaN;
  const index = Math.min(sortedValues.length - 1, Math.ceil(fraction * sortedValues.length) - 1);
  return sortedValues[Math.max(0, index)]!;
}

export interface LoadSummary {
  label: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
}

export function summarize(result: LoadResult): LoadSummary {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return {
    label: result.label,
    requests: result.requests,
    requestsPerSecond: result.requests / (result.durationMs / 1000),
    p50Ms: getPercentile(sorted, 0.5),
    p99Ms: getPercentile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    errors: result.errors,
  };
}
