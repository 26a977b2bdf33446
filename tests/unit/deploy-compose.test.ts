// deploy/compose.yaml is the README's "N instances + Redis + a replica + a worker": it
// parses, starts exactly the processes the README lists, each with exactly the environment
// variables listed for it, and the app variables it sets are ones the app reads. No Docker
// needed: the file is read as YAML.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "..", "..");
const compose = parse(fs.readFileSync(path.join(root, "deploy", "compose.yaml"), "utf8"), { merge: true }) as {
  services: Record<
    string,
    {
      environment?: Record<string, string> | string[];
      command?: string[];
      image?: string;
      build?: unknown;
      depends_on?: Record<string, unknown>;
    }
  >;
};
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

/** The process table of the README's scaled-out deployment: process → environment variable names. */
function readmeProcesses(): Map<string, string[]> {
  const section = readme.split("### N instances + Redis + a replica + a worker")[1]?.split(/\n## /)[0];
  if (!section) throw new Error("README has no 'N instances + Redis + a replica + a worker' section");
  const rows = section.split("\n").filter((l) => /^\| `[a-z0-9-]+` \|/.test(l));
  return new Map(
    rows.map((row) => {
      const cells = row.split("|").map((c) => c.trim());
      const name = /`([^`]+)`/.exec(cells[1]!)![1]!;
      const vars = [...cells[3]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!);
      return [name, vars.sort()];
    }),
  );
}

const envNames = (env: Record<string, string> | string[] | undefined) =>
  (Array.isArray(env) ? env.map((e) => e.split("=")[0]!) : Object.keys(env ?? {})).sort();

describe("deploy/compose.yaml and the README", () => {
  it("start exactly the processes the README lists, with the environment it lists", () => {
    const listed = readmeProcesses();
    expect([...listed.keys()].sort()).toEqual(Object.keys(compose.services).sort());
    for (const [name, vars] of listed) expect(envNames(compose.services[name]!.environment), name).toEqual(vars);
  });

  it("has several identical web instances on Redis and the replica, jobs in the worker only", () => {
    const webs = Object.entries(compose.services).filter(([name]) => name.startsWith("web-"));
    expect(webs.length).toBeGreaterThanOrEqual(2);
    for (const [, web] of webs) {
      expect(web.command).toEqual(["npm", "start"]);
      expect(web.environment).toEqual(webs[0]![1].environment);
      const env = web.environment as Record<string, string>;
      expect(env.JOBS_IN_APP).toBe("false");
      expect(env.REDIS_URL).toMatch(/^redis:\/\/redis:/);
      expect(env.DATABASE_REPLICA_URL).toMatch(/@replica:/);
      expect(env.DATABASE_URL).toMatch(/@postgres:/);
      expect(Object.keys(web.depends_on ?? {})).toEqual(expect.arrayContaining(["setup", "redis", "replica"]));
    }
    expect(compose.services.worker!.command).toEqual(["npm", "run", "worker"]);
    expect(compose.services.setup!.command).toEqual(["npm", "start", "--", "--prepare-only"]);
  });

  it("sets only variables the app reads (lib/server/env.ts, the cache handlers, the jobs) or the database images read", () => {
    const known = new Set([
      ...[...fs.readFileSync(path.join(root, "lib", "server", "env.ts"), "utf8").matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!),
      ...[...fs.readFileSync(path.join(root, "lib", "cache-handlers", "redis-store.mjs"), "utf8").matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map(
        (m) => m[1]!,
      ),
      "PORT",
      "JOBS_IN_APP",
      // the postgres image and deploy/postgres/*.sh
      "POSTGRES_DB",
      "POSTGRES_PASSWORD",
      "REPLICATION_PASSWORD",
      "PRIMARY_HOST",
    ]);
    for (const [name, service] of Object.entries(compose.services)) {
      for (const v of envNames(service.environment)) expect(known.has(v), `${name}: ${v}`).toBe(true);
    }
  });

  it("its replica set-up uses pg_basebackup -R, as the replica test does", () => {
    const script = fs.readFileSync(path.join(root, "deploy", "postgres", "replica-entrypoint.sh"), "utf8");
    expect(script).toMatch(/pg_basebackup .* -R /);
    expect(fs.readFileSync(path.join(root, "deploy", "Dockerfile"), "utf8")).toMatch(/npm ci/);
  });
});
