import { afterEach, describe, expect, it } from "vitest";
import { createEmulatorServer, type EmulatorServer } from "../../../emulator/server";

let emulator: EmulatorServer | null = null;

afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

describe("PUT /_emulator/outage", () => {
  it("makes every /v3 call answer the chosen status until it is lifted, leaving the control API alone", async () => {
    emulator = createEmulatorServer({ port: 0 });
    const base = await emulator.listen();
    const publicInfo = () => fetch(`${base}/v3/paymentRequests/public/000000000000000000000000`);
    const setOutage = (status: number | null) => fetch(`${base}/_emulator/outage`, { method: "PUT", body: JSON.stringify({ status }) });

    expect((await publicInfo()).status).toBe(404);
    expect((await setOutage(503)).status).toBe(200);
    const during = await publicInfo();
    expect(during.status).toBe(503);
    expect(await during.json()).toEqual({ message: "HandCash is unavailable (emulated outage)" });
    expect((await fetch(`${base}/_emulator/health`)).status).toBe(200);

    expect((await setOutage(null)).status).toBe(200);
    expect((await publicInfo()).status).toBe(404);
  });

  it("refuses statuses that are not an outage", async () => {
    emulator = createEmulatorServer({ port: 0 });
    const base = await emulator.listen();
    const response = await fetch(`${base}/_emulator/outage`, { method: "PUT", body: JSON.stringify({ status: 200 }) });
    expect(response.status).toBe(400);
  });
});
