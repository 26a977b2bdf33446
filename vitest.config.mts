import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const __dirname = path.dirname(fileURLToPath(import.meta.url));

const alias = {
  "@": path.resolve(__dirname),
  // Next resolves "server-only" to an empty module on the server; so do tests.
  "server-only": path.resolve(__dirname, "tests/support/empty.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One database per run; files share it, so run them one after another.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // The app as processes (start.ts, our server, PostgreSQL) stopped and started
          // under it. Apart from integration: it builds .next-test when stale (shared
          // with the browser tests, so never alongside them) and holds fixed ports.
          name: "fault",
          include: ["tests/fault/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
