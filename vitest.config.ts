import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

const shared = {
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; under test it is just a marker.
      "server-only": path.join(root, "tests/setup/server-only-marker.ts"),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      { ...shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", setupFiles: ["tests/setup/unit-env.ts"] } },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/integration-global-setup.ts"],
          setupFiles: ["tests/setup/integration-env.ts"],
          // One database for the run: files take turns so truncation never races.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
