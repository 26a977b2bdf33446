// Starts the app for a benchmark exactly as `npm start` serves it (its own
// port, build folder and embedded database, a fresh database dropped after),
// and stops it afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

export interface BenchApp {
  url: string;
  revalidateToken: string;
  stop: () => Promise<void>;
}

/**
 * Builds .next-bench when stale, against a fresh embedded database with the shipped pack, and serves nothing.
 * A bench that loads a large generated dataset calls this first: `next build` prerenders every issuer's pages
 * from the database it is given, which at 500 issuers would take most of the run.
 */
export function buildApp(name = "bench-build"): void {
  const run = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "start.ts"), "--fresh-database", "--prepare-only"],
    {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: ".next-bench", USD1_RUN_NAME: name, EMBEDDED_PG_PORT: "54390", DATABASE_URL: "" },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  if (run.status !== 0) throw new Error(`preparing the build failed (exit ${run.status})`);
}

export async function startApp(
  opts: { port?: number; demo?: boolean; name?: string; env?: Record<string, string>; fresh?: boolean } = {},
): Promise<BenchApp> {
  const port = opts.port ?? 3400;
  const name = opts.name ?? "bench";
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(root, "scripts", "start.ts"),
      ...(opts.fresh === false ? [] : ["--fresh-database"]),
      ...(opts.demo ? ["--demo"] : []),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        NEXT_DIST_DIR: ".next-bench",
        USD1_RUN_NAME: name,
        EMBEDDED_PG_PORT: String(port + 51_000),
        // The start's background render of every public page would share the server with the measurements.
        WARM_PAGES: "false",
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("serving on")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the app exited (code ${code}) before serving:\n${out.slice(-3000)}`)));
  });
  child.stdout!.resume();
  const record = JSON.parse(fs.readFileSync(path.join(root, ".data", `${name}.run.json`), "utf8")) as { revalidateToken: string };
  return {
    url: `http://127.0.0.1:${port}`,
    revalidateToken: record.revalidateToken,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
