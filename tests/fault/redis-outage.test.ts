// Redis is a cache, never the record: a redis-server of the test's own (its own free port,
// nothing saved) under two instances of one build. Stopped while both serve, every page
// still answers 200, rendered from PostgreSQL, no request waits on Redis, and each instance
// logs the outage a bounded number of times however many requests fail; /api/health says
// "down" and stays 200. Started again, empty: caching resumes by itself (the second request
// for a page is a cache hit, and the entries are in Redis again), neither instance restarted.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { projectDir } from "../../scripts/lib/project";
import { stopLeftoverPostgres } from "../support/app-process";
import {
  createClusterDatabase,
  ensureBuild,
  freePort,
  page,
  redisKeys,
  startInstance,
  type ClusterDatabase,
  type Instance,
} from "../support/cluster";

const PG_NAME = "postgres-fault-redis";
const PREFIX = "usd1-fault:";
const PAGES: [string, RegExp][] = [
  ["/en", /How dollar stablecoins are backed/],
  ["/en/issuers/northwind-dollar", /Northwind Dollar/],
  ["/en/methodology", /Methodology/],
  ["/en/about", /<h1/],
];

let postgres: EmbeddedPostgres | undefined;
let database: ClusterDatabase | undefined;
let redisPort = 0;
let redisServer: ChildProcess | undefined;
let a: Instance | undefined;
let b: Instance | undefined;

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${out}`));
    });
  });
}

function stopRedis(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL"); // as a crash would: no goodbye to the clients
  });
}

const redisLogLines = (inst: Instance) =>
  inst
    .output()
    .split("\n")
    .filter((l) => l.includes("[cache] Redis") && l.includes("failed")).length;

beforeAll(async () => {
  await stopLeftoverPostgres(PG_NAME);
  postgres = await startEmbeddedPostgres({ projectDir, port: await freePort(), name: PG_NAME });
  database = await createClusterDatabase(postgres.url("postgres"), { prefix: "usd1_fault_redis" });
  ensureBuild(database.url);
  redisPort = await freePort();
  redisServer = await startRedis(redisPort);
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    REDIS_PREFIX: PREFIX,
    REDIS_LOG_INTERVAL_SECONDS: "30",
  };
  [a, b] = await Promise.all([startInstance({ name: "A", env }), startInstance({ name: "B", env })]);
}, 900_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await stopRedis(redisServer);
  await database?.drop().catch(() => undefined);
  await postgres?.stop();
}, 60_000);

describe("Redis stopped and started again under two serving instances", { timeout: 300_000 }, () => {
  it("serves every page from PostgreSQL while Redis is down, logs it sparingly, and resumes caching when Redis returns empty", async () => {
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const pids = [a!.child.pid, b!.child.pid];
    for (const [path] of PAGES) {
      expect((await page(a!.url + path)).status).toBe(200);
      // A stores what it rendered after answering: B finds it in the shared cache within moments.
      let cache = (await page(b!.url + path)).cache;
      for (let i = 0; i < 30 && cache !== "HIT"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        cache = (await page(b!.url + path)).cache;
      }
      expect(cache, `${path} from the shared cache on B`).toBe("HIT");
    }
    expect((await redisKeys(redisUrl, PREFIX)).length).toBeGreaterThan(0);

    await stopRedis(redisServer);
    redisServer = undefined;
    let slowest = 0;
    for (let round = 0; round < 5; round++) {
      for (const inst of [a!, b!]) {
        for (const [path, content] of PAGES) {
          const res = await page(inst.url + path);
          slowest = Math.max(slowest, res.ms);
          expect(res.status, `${path} on ${inst.name} with Redis down`).toBe(200);
          expect(res.body).toMatch(content);
          expect(res.cache, "nothing is cached while Redis is down").not.toBe("HIT");
        }
      }
    }
    expect(slowest, "no request waited on Redis").toBeLessThan(5_000);
    for (const inst of [a!, b!]) {
      const health = await page(`${inst.url}/api/health`);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body).redis.state).toBe("down");
      // 40 page requests each, each missing Redis several times: logged once per 30 s interval.
      expect(redisLogLines(inst), `Redis errors logged by ${inst.name}`).toBeGreaterThanOrEqual(1);
      expect(redisLogLines(inst), `Redis errors logged by ${inst.name}`).toBeLessThanOrEqual(2);
    }

    redisServer = await startRedis(redisPort);
    for (const inst of [a!, b!]) {
      const deadline = Date.now() + 10_000;
      let state = "";
      while (Date.now() < deadline) {
        state = (JSON.parse((await page(`${inst.url}/api/health`)).body) as { redis: { state: string } }).redis.state;
        if (state === "up") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(state, `${inst.name} reconnected by itself`).toBe("up");
      expect(inst.output()).toMatch(/\[cache\] Redis answers again: caching resumed/);
    }
    expect(await redisKeys(redisUrl, PREFIX), "Redis came back empty").toEqual([]);
    for (const [path, content] of PAGES) {
      const first = await page(a!.url + path);
      expect(first.status).toBe(200);
      expect(first.body).toMatch(content);
      const second = await page(a!.url + path);
      expect(second.cache, `${path}: the second request is a cache hit`).toBe("HIT");
      expect((await page(b!.url + path)).cache, `${path} on B, from what A cached`).toBe("HIT");
    }
    expect((await redisKeys(redisUrl, PREFIX)).length).toBeGreaterThan(0);
    expect([a!.child.pid, b!.child.pid], "the same processes, not restarted").toEqual(pids);
    expect(a!.child.exitCode).toBeNull();
    expect(b!.child.exitCode).toBeNull();
  });
});
