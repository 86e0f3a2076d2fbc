/**
 * Processes of a production-like stack, for the fault suite and the benchmark: the production
 * build in the test build folder, .next-test (rebuilt when a source file is newer than it), served as
 * `npm start` serves it (scripts/serve-app.ts), the worker and the emulator, each in its own process
 * group with its output in a log file, so one can be killed outright (SIGKILL reaches the whole group)
 * and the test output stays readable.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SERVE_APP_ARGS, TS_NODE_ARGS } from "../../scripts/lib/local-stack";
import { TEST_BUILD_DIR, TEST_BUILD_ENV } from "../../scripts/lib/test-build";
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, TEST_HANDCASH_APP_ID, TEST_HANDCASH_APP_SECRET, TEST_RECEIVER } from "../setup/test-config";

const NEXT_BIN = "node_modules/next/dist/bin/next";
const BUILD_ID_FILE = path.join(TEST_BUILD_DIR, "BUILD_ID");
/** Everything `next build` reads; tests/, emulator/ and scripts/ are not part of the build. */
const BUILD_INPUTS = [
  "app",
  "server",
  "lib",
  "components",
  "generated",
  "public",
  "prisma/schema.prisma",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Resolves when the process exits, with its code (a signal counts as 1). */
  exited: Promise<number>;
  isRunning(): boolean;
  /** Signals the whole process group. */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartProcessOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
}

export function startProcess({ name, command, args, env, logDir }: StartProcessOptions): ManagedProcess {
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.openSync(logFile, "a");
  fs.writeSync(log, `\n--- ${new Date().toISOString()} ${command} ${args.join(" ")}\n`);
  // detached: its own process group, so a signal to -pid reaches anything it spawns as well.
  const child: ChildProcess = spawn(command, args, { env, stdio: ["ignore", log, log], detached: true });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`Could not start ${name}`);
  const pid = child.pid;
  let isRunning = true;
  const exited = new Promise<number>((resolve) => {
    child.on("exit", (code, signal) => {
      isRunning = false;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
  const signal = (name: NodeJS.Signals) => {
    if (!isRunning) return;
    try {
      process.kill(-pid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  };
  return {
    name,
    pid,
    logFile,
    exited,
    isRunning: () => isRunning,
    signal,
    async stop(graceMs = 8_000) {
      if (!isRunning) return;
      signal("SIGTERM");
      const forceKill = setTimeout(() => signal("SIGKILL"), graceMs);
      await exited;
      clearTimeout(forceKill);
    },
  };
}

function findNewestModification(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, findNewestModification(path.join(entry, child)));
  return newest;
}

/** True when there is no build, or a build input changed after it was made. */
export function isBuildStale(): boolean {
  if (!fs.existsSync(BUILD_ID_FILE)) return true;
  const builtAt = fs.statSync(BUILD_ID_FILE).mtimeMs;
  return BUILD_INPUTS.some((input) => findNewestModification(input) > builtAt);
}

/** Runs `next build` when the build is missing or stale; the build needs no environment. */
export async function ensureProductionBuild({ logDir }: { logDir: string }): Promise<void> {
  if (!isBuildStale()) return;
  console.log(`[stack] building the app (next build; output in ${path.join(logDir, "build.log")})…`);
  const startedAt = Date.now();
  const build = startProcess({
    name: "build",
    command: process.execPath,
    args: [NEXT_BIN, "build"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...TEST_BUILD_ENV },
    logDir,
  });
  const code = await build.exited;
  if (code !== 0) throw new Error(`next build failed with code ${code}; see ${build.logFile}`);
  console.log(`[stack] built in ${Math.round((Date.now() - startedAt) / 1000)} s`);
}

/** Only what a process needs to run, so nothing from the caller's shell (a DATABASE_URL, NODE_OPTIONS) leaks in. */
function buildMinimalEnv(nodeEnv: "production" | "development"): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, NODE_ENV: nodeEnv };
}

export interface AppEnvOptions {
  appUrl: string;
  port: number;
  databaseUrl: string;
  emulatorUrl: string;
  logLevel: string;
  extra?: Record<string, string>;
}

/** Configured like a deployment, except that HandCash is the emulator. */
export function buildAppEnv({ appUrl, port, databaseUrl, emulatorUrl, logLevel, extra }: AppEnvOptions): NodeJS.ProcessEnv {
  return {
    ...buildMinimalEnv("production"),
    NEXT_TELEMETRY_DISABLED: "1",
    ...TEST_BUILD_ENV,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    HANDCASH_APP_ID: TEST_HANDCASH_APP_ID,
    HANDCASH_APP_SECRET: TEST_HANDCASH_APP_SECRET,
    HANDCASH_API_BASE: emulatorUrl,
    HANDCASH_RECEIVER: TEST_RECEIVER,
    ADMIN_EMAIL: TEST_ADMIN_EMAIL,
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    APP_URL: appUrl,
    LOG_LEVEL: logLevel,
    ...extra,
  };
}

/** Resolves once `url` answers HTTP with `expectedStatus`; rejects when `process` dies first or after `timeoutMs`. */
export async function waitForStatus(
  url: string,
  expectedStatus: number,
  { timeoutMs, process: watched }: { timeoutMs: number; process?: ManagedProcess },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (watched && !watched.isRunning()) throw new Error(`${watched.name} exited before ${url} answered; see ${watched.logFile}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === expectedStatus) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer ${expectedStatus} within ${timeoutMs} ms (last: ${last})`);
}

/** A process that never became ready is stopped, so a failed start leaves nothing behind. */
async function stopUnlessReady(child: ManagedProcess, ready: Promise<void>): Promise<void> {
  try {
    await ready;
  } catch (error) {
    await child.stop();
    throw error;
  }
}

export interface NextServerOptions {
  port: number;
  env: NodeJS.ProcessEnv;
  logDir: string;
  /** Flags for node itself, such as --cpu-prof, which NODE_OPTIONS refuses. */
  nodeArgs?: string[];
}

export async function startNextServer({ port, env, logDir, nodeArgs = [] }: NextServerOptions): Promise<ManagedProcess> {
  const app = startProcess({ name: "app", command: process.execPath, args: [...nodeArgs, ...SERVE_APP_ARGS, "--port", String(port)], env, logDir });
  await stopUnlessReady(app, waitForStatus(`http://127.0.0.1:${port}/api/ping`, 200, { timeoutMs: 60_000, process: app }));
  return app;
}

/** Resolves once the worker logs that it started (it has then connected and queued its sweep). */
export async function startWorkerProcess({ env, logDir }: { env: NodeJS.ProcessEnv; logDir: string }): Promise<ManagedProcess> {
  const worker = startProcess({
    name: "worker",
    command: process.execPath,
    args: [...TS_NODE_ARGS, "scripts/worker.ts"],
    env: { ...env, LOG_LEVEL: "info" },
    logDir,
  });
  const offset = fs.statSync(worker.logFile).size;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!worker.isRunning()) throw new Error(`The worker exited at start-up; see ${worker.logFile}`);
    const fresh = fs.readFileSync(worker.logFile, "utf8").slice(offset);
    if (fresh.includes('"event":"worker.started"')) return worker;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await worker.stop();
  throw new Error(`The worker did not start within 60 s; see ${worker.logFile}`);
}

export interface EmulatorProcessOptions {
  port: number;
  logDir: string;
  retry?: { initialMs: number; factor: number; maxDelayMs: number };
}

export async function startEmulator({ port, logDir, retry }: EmulatorProcessOptions): Promise<ManagedProcess> {
  const emulator = startProcess({
    name: "emulator",
    command: process.execPath,
    args: ["--import", "tsx", "emulator/main.ts"],
    env: {
      ...buildMinimalEnv("production"),
      EMULATOR_PORT: String(port),
      EMULATOR_PUBLIC_URL: `http://localhost:${port}`,
      EMULATOR_APP_ID: TEST_HANDCASH_APP_ID,
      EMULATOR_APP_SECRET: TEST_HANDCASH_APP_SECRET,
      ...(retry && {
        EMULATOR_RETRY_INITIAL_MS: String(retry.initialMs),
        EMULATOR_RETRY_FACTOR: String(retry.factor),
        EMULATOR_RETRY_MAX_DELAY_MS: String(retry.maxDelayMs),
      }),
    },
    logDir,
  });
  await stopUnlessReady(emulator, waitForStatus(`http://127.0.0.1:${port}/_emulator/health`, 200, { timeoutMs: 30_000, process: emulator }));
  return emulator;
}
