import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

/**
 * `npm run test:faults`: the money path against real processes (tests/faults/global-setup.ts).
 * One stack for the run, so files take turns; storms and restarts need generous timeouts.
 */
export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; under test it is just a marker.
      "server-only": path.join(root, "tests/setup/server-only-marker.ts"),
    },
  },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/faults/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
