import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * Ctrl-C in a terminal sends SIGINT to every process of the foreground group at once. The launcher
 * (scripts/lib/processes.ts) must take it alone and stop its children itself, in order: children
 * first, then the cleanups (the embedded database), so nothing loses its database mid-shutdown.
 */

let launched: { child: ChildProcess; output: string[] } | null = null;

function startLauncherInOwnGroup() {
  // detached: a process group of its own, as a terminal gives each job it runs.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/launcher/terminal-launcher.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean));
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  launched = { child, output };
  return launched;
}

afterEach(() => {
  if (launched?.child.pid) {
    try {
      process.kill(-launched.child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  launched = null;
});

async function waitForOutput(output: string[], line: string): Promise<void> {
  await vi.waitFor(() => expect(output).toContain(line), { timeout: 15_000, interval: 50 });
}

describe("a launcher started from a terminal", () => {
  it("takes Ctrl-C alone: its child gets one SIGTERM from it, then the cleanup runs, and it says it stopped", async () => {
    const { child, output } = startLauncherInOwnGroup();
    await waitForOutput(output, "[child] ready");
    process.kill(-child.pid!, "SIGINT");
    await waitForOutput(output, "Stopped.");
    expect(output.slice(output.indexOf("[child] ready") + 1)).toEqual(["[child] got SIGTERM", "cleanup ran after the children stopped", "Stopped."]);
  }, 30_000);

  it("stops everything the same way when the process the terminal started is killed outright", async () => {
    const { child, output } = startLauncherInOwnGroup();
    await waitForOutput(output, "[child] ready");
    child.kill("SIGKILL");
    await waitForOutput(output, "Stopped.");
    expect(output.slice(output.indexOf("[child] ready") + 1)).toEqual(["[child] got SIGTERM", "cleanup ran after the children stopped", "Stopped."]);
  }, 30_000);
});
