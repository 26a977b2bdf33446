// Refresh of 60 token deployments across 3 local EVM chains (anvil from npm),
// batched (one Multicall3 eth_call per chain, what refreshLive does) versus
// one eth_call per deployment, into a scratch database on the machine's
// PostgreSQL (or DATABASE_URL's server). Prints wall time and RPC requests.
//   node --conditions=react-server --import tsx bench/live-refresh.ts [deployments=60] [chains=3]
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { createPublicClient, erc20Abi, http, type Address } from "viem";

import { parseLiveConfig } from "@/lib/live/config";
import { EvmReader } from "@/lib/live/readers/evm";
import { refreshLive } from "@/lib/server/live/refresh";

import { prismaFor } from "../scripts/lib/seed";
import { deployToken, mint, setMulticall3, startAnvil, type Anvil } from "../tests/support/live-anvil";

const deployments = Number(process.argv[2] ?? 60);
const chainCount = Number(process.argv[3] ?? 3);
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const root = path.resolve(import.meta.dirname, "..");
const HOLDER: Address = "0x000000000000000000000000000000000000bEEF";

async function main() {
  const name = `usd1_bench_live_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const anvils: Anvil[] = [];
  try {
    const migrate = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url.toString() },
    });
    if (migrate.status !== 0) throw new Error(migrate.stderr.toString());
    const prisma = prismaFor(url.toString());
    const issuer = await prisma.issuer.create({
      data: { slug: "bench-live", name: "Bench", backingModel: "fiat_reserve", declaredCadence: "monthly" },
    });

    const env: Record<string, string> = {};
    const tokens: { chain: string; url: string; address: Address }[] = [];
    const setupStart = performance.now();
    for (let c = 0; c < chainCount; c++) {
      const anvil = await startAnvil({ chainId: 31337 + c });
      anvils.push(anvil);
      await setMulticall3(anvil.url);
      const chain = `bench${c}`;
      env[`RPC_URL_${chain.toUpperCase()}`] = anvil.url;
      const perChain = Math.ceil(deployments / chainCount) - (c < deployments % chainCount || deployments % chainCount === 0 ? 0 : 1);
      for (let i = 0; i < perChain; i++) {
        const address = await deployToken(anvil.url, `T${c}${i}`, 6);
        await mint(anvil.url, address, HOLDER, BigInt(1_000_000 + i) * 1_000_000n);
        tokens.push({ chain, url: anvil.url, address });
      }
    }
    await prisma.liveTokenDeployment.createMany({
      data: tokens.map((t, i) => ({
        issuerId: issuer.id,
        chain: t.chain,
        address: t.address,
        decimals: 6,
        symbol: `T${i}`,
        compiledFrom: "bench",
      })),
    });
    const setupMs = performance.now() - setupStart;

    // Batched: refreshLive, counting the HTTP requests each chain's reader sends.
    const config = parseLiveConfig(env);
    const requests = new Map<string, number>();
    const runs: number[] = [];
    let stored = 0;
    for (let round = 0; round < 3; round++) {
      requests.clear();
      const t0 = performance.now();
      const s = await refreshLive(prisma, { config, onRequest: (id) => requests.set(id, (requests.get(id) ?? 0) + 1) });
      runs.push(performance.now() - t0);
      stored = s.readings;
      if (s.chains.some((c) => c.ok !== c.targets)) throw new Error(`not every deployment was read: ${JSON.stringify(s.chains)}`);
    }
    const batchedRequests = [...requests.values()].reduce((a, b) => a + b, 0);

    // One call per deployment: a plain eth_call totalSupply() each, no multicall.
    let singleRequests = 0;
    const singleRuns: number[] = [];
    for (let round = 0; round < 3; round++) {
      singleRequests = 0;
      const t0 = performance.now();
      await Promise.all(
        [...new Set(tokens.map((t) => t.url))].map(async (u) => {
          const client = createPublicClient({ transport: http(u, { onFetchRequest: () => void singleRequests++ }) });
          for (const t of tokens.filter((x) => x.url === u))
            await client.readContract({ address: t.address, abi: erc20Abi, functionName: "totalSupply" });
        }),
      );
      singleRuns.push(performance.now() - t0);
    }
    // Batched reads alone (no database), to compare like with like.
    const readerRuns: number[] = [];
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      await Promise.all(
        [...new Set(tokens.map((t) => t.url))].map((u) =>
          new EvmReader({ url: u }).read(
            tokens.filter((x) => x.url === u).map((t, i) => ({ kind: "supply" as const, id: String(i), address: t.address, decimals: 6 })),
          ),
        ),
      );
      readerRuns.push(performance.now() - t0);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `live refresh bench: ${tokens.length} deployments on ${chainCount} local anvil chains (setup ${(setupMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  batched (refreshLive, Multicall3): ${batchedRequests} RPC requests (${[...requests.entries()].map(([k, v]) => `${k} ${v}`).join(", ")}), wall ${median(runs).toFixed(0)} ms median of 3 (incl. storing ${stored} readings)`,
    );
    console.log(`  batched reads only (EvmReader):   ${chainCount} RPC requests, wall ${median(readerRuns).toFixed(0)} ms median of 3`);
    console.log(
      `  one call per deployment:          ${singleRequests} RPC requests, wall ${median(singleRuns).toFixed(0)} ms median of 3 (reads only, nothing stored)`,
    );
    await prisma.$disconnect();
  } finally {
    for (const a of anvils) await a.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
