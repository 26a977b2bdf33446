// Shared steps of `npm start` and `npm test`: generated client, build key, secrets.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const projectDir = path.resolve(import.meta.dirname, "..", "..");

export function log(message: string): void {
  process.stdout.write(`[usd1-backed] ${message}\n`);
}

/** `prisma generate` when the client is missing (an install run with --ignore-scripts). */
export function ensurePrismaClient(): void {
  if (fs.existsSync(path.join(projectDir, "lib", "generated", "prisma", "client.ts"))) return;
  log("generating the Prisma client");
  const run = spawnSync(process.execPath, [path.join(projectDir, "node_modules", "prisma", "build", "index.js"), "generate"], {
    cwd: projectDir,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`prisma generate failed:\n${run.stdout}\n${run.stderr}`);
}

const BUILD_INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["generated", "node_modules"]);

function hashTree(hash: ReturnType<typeof createHash>, p: string): void {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name)) hashTree(hash, path.join(p, name));
  } else {
    hash.update(path.relative(projectDir, p));
    hash.update(fs.readFileSync(p));
  }
}

/** A key of everything a production build depends on; a build is reused while it matches. */
export function buildKey(): string {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) hashTree(hash, path.join(projectDir, input));
  return hash.digest("hex");
}

export function buildIsCurrent(distDir: string): boolean {
  const keyFile = path.join(projectDir, distDir, "USD1_BUILD_KEY");
  return (
    fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === buildKey() && fs.existsSync(path.join(projectDir, distDir, "BUILD_ID"))
  );
}

export function build(distDir: string, env: NodeJS.ProcessEnv): void {
  const key = buildKey();
  const run = spawnSync(process.execPath, [path.join(projectDir, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: projectDir,
    env: { ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error("next build failed (its output is above)");
  fs.writeFileSync(path.join(projectDir, distDir, "USD1_BUILD_KEY"), key);
}

/** A secret kept in .data (0600) so sessions survive restarts; generated once. */
export function persistentSecret(name: string): string {
  const file = path.join(projectDir, ".data", `${name}.secret`);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error("the web server exited during start (its output is above)");
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the web server did not answer ${url} within ${timeoutMs / 1000} s`);
}
