/**
 * Child-process supervision for the local launchers: prefixed output, and one shutdown path
 * so Ctrl-C (or any child dying) stops every child and then the embedded database.
 */
import { type ChildProcess, spawn } from "node:child_process";

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

export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, { isOneShot = false }: StartChildOptions = {}): SupervisedChild {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}] `;
  const relay = (stream: NodeJS.ReadableStream | null, target: NodeJS.WriteStream) => {
    let pending = "";
    stream?.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) target.write(`${prefix}${line}\n`);
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
  }
  process.exit(exitCode);
}

export function stopOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
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
