// What the shared cache costs: req/s and p99 of a cached issuer page beside the minimal
// page (/en/about), on one instance without Redis (in-process cache), then on each of two
// instances of the same build sharing Redis, in one run. 50 connections, one target at a
// time (the machine has 2 cores: the instances are measured one after the other, never
// together), each page warmed first, rounds alternating between the instances. Prints the
// average req/s, the worst p99 and the ratios.
//   node --conditions=react-server --import tsx bench/scale.ts [seconds per target=10] [rounds=2]
// Uses the machine's PostgreSQL (BENCH_DATABASE_URL to choose another server) and Redis at
// 127.0.0.1:6379 (BENCH_REDIS_URL), under a key prefix of its own, deleted afterwards.
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";

import { createClusterDatabase, deleteRedisKeys, ensureBuild, startInstance, type Instance } from "../tests/support/cluster";

const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 2);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `usd1-bench-${randomBytes(4).toString("hex")}:`;

interface Figures {
  rps: number;
  p99: number;
  errors: number;
}

async function measure(url: string): Promise<Figures> {
  const r = await autocannon({ url, connections: 50, duration: seconds });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

async function warm(inst: Instance, path: string): Promise<void> {
  for (let i = 0; i < 3; i++) await (await fetch(inst.url + path)).arrayBuffer();
  const res = await fetch(inst.url + path);
  await res.arrayBuffer();
  if (res.headers.get("x-nextjs-cache") !== "HIT")
    throw new Error(`${path} is not served from the cache on ${inst.name} (${res.headers.get("x-nextjs-cache")})`);
}

async function main() {
  const database = await createClusterDatabase(adminUrl, { dataset: "public", prefix: "usd1_bench_scale" });
  const started: Instance[] = [];
  try {
    ensureBuild(database.url, (m) => console.log(m));
    const home = await (async () => {
      const probe = await startInstance({ name: "probe", env: { DATABASE_URL: database.url } });
      started.push(probe);
      const html = await (await fetch(`${probe.url}/en`)).text();
      await probe.stop();
      started.pop();
      return html;
    })();
    const slugs = [...new Set([...home.matchAll(/href="\/en\/issuers\/([a-z0-9-]+)"/g)].map((m) => m[1]!))];
    const issuer = `/en/issuers/${slugs.includes("tether") ? "tether" : slugs[0]}`;

    const local = await startInstance({ name: "one instance, no Redis", env: { DATABASE_URL: database.url } });
    started.push(local);
    const shared = { DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_PREFIX: prefix };
    const a = await startInstance({ name: "instance A, Redis", env: shared });
    started.push(a);
    const b = await startInstance({ name: "instance B, Redis", env: shared });
    started.push(b);

    const instances = [local, a, b];
    for (const inst of instances) {
      await warm(inst, "/en/about");
      await warm(inst, issuer);
      // A short unmeasured run first, so no instance is measured before its code is warm.
      await autocannon({ url: inst.url + issuer, connections: 50, duration: 3 });
    }
    // Rounds alternate between the instances, so a slower moment of the machine does not favour one.
    const runs = new Map<Instance, { about: Figures[]; issuer: Figures[] }>(instances.map((i) => [i, { about: [], issuer: [] }]));
    for (let round = 0; round < rounds; round++) {
      for (const inst of instances) {
        runs.get(inst)!.about.push(await measure(inst.url + "/en/about"));
        runs.get(inst)!.issuer.push(await measure(inst.url + issuer));
      }
    }
    const avg = (fs: Figures[]): Figures => ({
      rps: fs.reduce((sum, f) => sum + f.rps, 0) / fs.length,
      p99: Math.max(...fs.map((f) => f.p99)),
      errors: fs.reduce((sum, f) => sum + f.errors, 0),
    });
    const rows = instances.map((inst) => ({ name: inst.name, about: avg(runs.get(inst)!.about), issuer: avg(runs.get(inst)!.issuer) }));

    const base = rows[0]!;
    console.log(`\n50 connections, ${rounds} rounds of ${seconds} s per target, alternating, one target at a time; issuer page ${issuer}`);
    console.log("instance                  page           req/s   p99 ms  errors  issuer/about  vs no Redis");
    for (const r of rows) {
      for (const [label, f, other] of [
        ["/en/about", r.about, base.about],
        ["issuer page", r.issuer, base.issuer],
      ] as const) {
        const ratio = label === "issuer page" ? (r.issuer.rps / r.about.rps).toFixed(2) + "x" : "";
        console.log(
          `${r.name.padEnd(25)} ${label.padEnd(12)} ${f.rps.toFixed(0).padStart(7)}  ${String(f.p99).padStart(7)}  ${String(f.errors).padStart(6)}  ${ratio.padStart(12)}  ${(f.rps / other.rps).toFixed(2).padStart(10)}x`,
        );
      }
    }
  } finally {
    await Promise.all(started.map((i) => i.stop()));
    await deleteRedisKeys(redisUrl, prefix).catch(() => 0);
    await database.drop();
  }
}

void main();
