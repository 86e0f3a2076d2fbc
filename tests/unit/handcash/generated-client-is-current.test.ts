import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@hey-api/openapi-ts";
import { afterAll, describe, expect, it } from "vitest";
import { handcashClientConfig } from "../../fixtures/handcash-openapi/openapi-ts.config";

const COMMITTED = path.resolve("tests/fixtures/handcash-openapi/generated");

async function listFiles(root: string, folder = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(root, path.join(folder, entry.name)) : [path.join(folder, entry.name)])),
  );
  return nested.flat().sort();
}

describe("the client generated from HandCash's spec", () => {
  let scratch: string | null = null;
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  // The emulator's tests drive the committed client; a hand edit, or a spec change without
  // `npm run handcash:generate-client`, would let them test something HandCash's spec does not say.
  it("is exactly what the generator makes from the committed spec", { timeout: 60_000 }, async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "handcash-client-"));
    await createClient({ ...handcashClientConfig, output: { path: scratch }, logs: { level: "silent", file: false } });

    const files = await listFiles(COMMITTED);
    expect(await listFiles(scratch)).toEqual(files);
    for (const file of files) {
      expect(await readFile(path.join(scratch, file), "utf8"), file).toBe(await readFile(path.join(COMMITTED, file), "utf8"));
    }
  });
});
