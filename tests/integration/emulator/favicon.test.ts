import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCreateBody, type RunningEmulator, startTestEmulator } from "@/emulator/testing/fixtures";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({});
});

afterAll(async () => {
  await emulator.server.close();
});

describe("the emulator's tab icon", () => {
  it("answers /favicon.ico with an image, and its pages point at it", async () => {
    const icon = await fetch(`${emulator.baseUrl}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect(await icon.text()).toMatch(/^<svg /);

    const created = await emulator.call("/v3/paymentRequests", { method: "POST", json: buildCreateBody({}) });
    const { id } = (await created.json()) as { id: string };
    const page = await (await fetch(`${emulator.baseUrl}/pay/${id}`)).text();
    expect(page).toContain('<link rel="icon" href="/favicon.ico" type="image/svg+xml">');
  });
});
