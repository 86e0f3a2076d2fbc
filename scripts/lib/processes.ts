/**
 * Child-process supervision for the local launchers: prefixed output, and one shutdown path
 * so Ctrl-C (or any child dying) stops every child and then the embedded database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { stripVTControlCharacters } from "node:util";

export interface SupervisedChild {
  name: string;
  child: ChildProcess;
  exited: Promise<number>;
}

const children: SupervisedChild[] = [];
const cleanups: Array<() => Promise<void>> = [];
let isShuttingDown = false;

export interface StartChildOptions {
  /** A task expected to finish (seeding, building): the caller awaits its exit code. */
  isOneShot?: boolean;
}

export function startChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  { isOneShot = false }: StartChildOptions = {},
): SupervisedChild {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}] `;
  const relay = (stream: NodeJS.ReadableStream | null, target: NodeJS.WriteStream) => {
    let pending = "";
    stream?.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      // Lines with nothing to read (blank, or only a terminal control sequence such as next's "show cursor") are dropped.
      for (const line of lines) if (stripVTControlCharacters(line).trim() !== "") target.write(`${prefix}${line}\n`);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const supervised = { name, child, exited };
  children.push(supervised);
  void exited.then((code) => {
    if (!isShuttingDown && !isOneShot) {
      console.error(`${prefix}exited with code ${code}; stopping everything.`);
      void shutdown(code === 0 ? 1 : code);
    }
  });
  return supervised;
}

/** Registers work to run after the children stop (stopping the embedded database, say). */
export function onShutdown(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

export async function shutdown(exitCode = 0): Promise<never> {
  if (!isShuttingDown) {
    isShuttingDown = true;
    for (const { child } of children) if (child.exitCode === null) child.kill("SIGTERM");
    const forceKill = setTimeout(() => {
      for (const { child } of children) if (child.exitCode === null) child.kill("SIGKILL");
    }, 8_000);
    await Promise.all(children.map(({ exited }) => exited));
    clearTimeout(forceKill);
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
    if (exitCode === 0) console.log("Stopped.");
  }
  process.exit(exitCode);
}

export function stopOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
}

const DETACHED_LAUNCHER_VARIABLE = "TOLLGATE_LAUNCHER_DETACHED";

/**
 * Ctrl-C in a terminal signals its whole foreground process group at once: the embedded PostgreSQL
 * would shut down, ending every session with "administrator command", while the app and the worker
 * still use it, and each would report the lost connections. So the launcher runs again in a process
 * group of its own, which the terminal does not signal; this first process only passes the
 * terminal's signals on, and the launcher stops its children, then the database (`shutdown`). Should
 * this first process die, the launcher sees their IPC channel close and stops everything the same way.
 *
 * Returns in the detached launcher; in the first process it never returns (it exits with the launcher).
 */
export async function detachFromTerminal(): Promise<void> {
  if (process.env[DETACHED_LAUNCHER_VARIABLE] === "1") {
    process.on("disconnect", () => void shutdown(0));
    return;
  }
  const launcher = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, [DETACHED_LAUNCHER_VARIABLE]: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => launcher.kill("SIGTERM"));
  launcher.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise<never>(() => {});
}

/** Resolves once `url` answers with any HTTP status; rejects after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
