import { type ChildProcess, spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/** The CLI entry as `npm run emulator` runs it: a separate process. */

function startMain(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(read: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no ${pattern} in output: ${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("emulator/main.ts", () => {
  it("announces its URL, serves, and exits 0 on SIGTERM", async () => {
    const main = startMain({ EMULATOR_PORT: "0" });
    try {
      const [, url] = await waitForOutput(main.output, /HandCash emulator listening on (http:\/\/127\.0\.0\.1:\d+)/, 8_000);
      expect(await (await fetch(`${url}/_emulator/health`)).json()).toEqual({ status: "ok" });
      main.child.kill("SIGTERM");
      expect(await main.exited).toBe(0);
    } finally {
      main.child.kill("SIGKILL");
    }
  }, 15_000);

  it("exits 1 naming the variable when the configuration is invalid", async () => {
    const main = startMain({ EMULATOR_PORT: "lots" });
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain("EMULATOR_PORT");
  }, 15_000);
});
