/**
 * Starts the fault stack once for the run and stops it at the end, failed tests or not. Tests run
 * in another process, so they break the stack through a small control server on loopback
 * (`controlStack("app/kill")` in fault-driver.ts) rather than holding the processes themselves.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { type FaultStack, startFaultStack } from "./fault-stack";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    emulatorUrl: string;
    databaseUrl: string;
    controlUrl: string;
  }
}

const ACTIONS: Record<string, (stack: FaultStack) => Promise<unknown>> = {
  "app/kill": (stack) => stack.killApp(),
  "app/start": (stack) => stack.startApp(),
  "worker/stop": (stack) => stack.stopWorker(),
  "worker/start": (stack) => stack.startWorker(),
  "postgres/stop": (stack) => stack.stopPostgres(),
  "postgres/start": (stack) => stack.startPostgres(),
  status: async (stack) => stack.getStatus(),
};

function serveControl(stack: FaultStack): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const action = ACTIONS[(req.url ?? "").replace(/^\//, "")];
    if (!action || req.method !== "POST") {
      res.writeHead(404).end();
      return;
    }
    action(stack).then(
      (result) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result ?? { ok: true })),
      (error: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(error instanceof Error ? error.message : String(error)),
    );
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export default async function setup(project: TestProject) {
  const startedAt = Date.now();
  const stack = await startFaultStack();
  const control = await serveControl(stack);
  console.log(`[stack] up in ${Math.round((Date.now() - startedAt) / 1000)} s: app ${stack.appUrl}, emulator ${stack.emulatorUrl}`);

  project.provide("appUrl", stack.appUrl);
  project.provide("emulatorUrl", stack.emulatorUrl);
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("controlUrl", `http://127.0.0.1:${(control.address() as AddressInfo).port}`);

  return async () => {
    control.closeAllConnections();
    await new Promise((resolve) => control.close(resolve));
    const { unexpectedExits } = stack.getStatus();
    await stack.stop();
    if (unexpectedExits.length > 0) console.error(`[stack] processes died during the run:\n  ${unexpectedExits.join("\n  ")}`);
  };
}
