import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCreateBody, type RunningEmulator, startTestEmulator } from "@/emulator/testing/fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "@/emulator/testing/webhook-receiver";

/** The `hc` command, run as `npm run hc` would run it, against an in-process emulator. */

let emulator: RunningEmulator;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator.server.close();
  await receiver.close();
});

function runHc(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "emulator/hc-cli.ts", ...args],
      { cwd: process.cwd(), env: { ...process.env, EMULATOR_URL: emulator.baseUrl }, timeout: 15_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("hc", () => {
  it("duplicate finds the request by orderId and sends N copies of one payment", async () => {
    const created = await emulator.call("/v3/paymentRequests", {
      method: "POST",
      json: buildCreateBody({ notifications: { webhook: { webhookUrl: receiver.url, customParameters: { orderId: "ord_hc" } } } }),
    });
    const { id } = (await created.json()) as { id: string };

    const result = await runHc(["duplicate", "ord_hc", "--copies", "3"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Paid ${id} (order ord_hc)`);
    expect(result.stdout).toContain("answers: HTTP 200 ×3");

    expect(receiver.received).toHaveLength(3);
    const transactionIds = new Set(receiver.received.map((webhook) => (webhook.body as { transactionId: string }).transactionId));
    expect(transactionIds.size).toBe(1);
  }, 20_000);

  it("prints the usage and exits 1 on an unknown scenario", async () => {
    const result = await runHc(["explode"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown scenario "explode"');
    expect(result.stderr).toContain("out-of-order");
  }, 20_000);
});
