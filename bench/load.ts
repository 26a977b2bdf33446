// Load test: requests/s and latency of cached public pages and API calls at 50
// connections, beside a minimal prerendered page of the same server and the
// same HTML served as a static file, alternating in one run. Requests carry a browser's
// Accept and Accept-Encoding, so pages travel compressed as they do to readers.
//   node --conditions=react-server --import tsx bench/load.ts [seconds per round=10] [rounds=2]
import http from "node:http";
import zlib from "node:zlib";
import autocannon from "autocannon";

import { startApp } from "./lib/app";
import { issuerSlugs } from "./lib/pages";

const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 2);

const BROWSER = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "accept-encoding": "gzip, deflate, br, zstd" };

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function run(url: string, paths?: string[]): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    headers: BROWSER,
    ...(paths ? { requests: paths.map((p) => ({ method: "GET" as const, path: p })) } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** The page's HTML, compressed once, served as a static file by a bare Node server on the same machine. */
function staticServer(body: Buffer, port: number): Promise<http.Server> {
  const server = http.createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "br", "content-length": body.length });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function main() {
  const app = await startApp({ port: 3420, name: "bench-load" });
  const slugs = await issuerSlugs(app.url);
  const issuer = `/en/issuers/${slugs.includes("tether") ? "tether" : slugs[0]}`;
  const html = Buffer.from(await (await fetch(app.url + issuer, { headers: { accept: BROWSER.accept } })).arrayBuffer());
  const about = Buffer.from(await (await fetch(`${app.url}/en/about`, { headers: { accept: BROWSER.accept } })).arrayBuffer());
  const packed = zlib.brotliCompressSync(html);
  const fileServer = await staticServer(packed, 3421);
  // warm every page once so the run measures cached serving
  for (const p of ["/en", "/en/about", issuer, ...slugs.map((s) => `/en/issuers/${s}`)]) await fetch(app.url + p);
  const targets: [string, () => Promise<Figures>][] = [
    ["minimal page (/en/about)", () => run(`${app.url}/en/about`)],
    ["home (/en)", () => run(`${app.url}/en`)],
    [`issuer page (${issuer})`, () => run(app.url + issuer)],
    [
      "mix: pages + API",
      () =>
        run(app.url, [
          "/en",
          issuer,
          "/es/attestations",
          "/en/stress",
          "/pt/methodology",
          ...slugs.slice(0, 5).map((s) => `/en/issuers/${s}`),
          "/api/health",
        ]),
    ],
    ["issuer HTML as a static file", () => run(`http://127.0.0.1:3421${issuer}`)],
  ];
  const results = new Map<string, Figures[]>();
  try {
    // A warm-up round, not recorded: the first target measured would otherwise carry the
    // server's JIT warm-up alone (the minimal page, the baseline, runs first).
    for (const [, go] of targets) await go();
    for (let r = 0; r < rounds; r++) {
      for (const [name, go] of targets) {
        const f = await go();
        results.set(name, [...(results.get(name) ?? []), f]);
      }
    }
  } finally {
    fileServer.close();
    await app.stop();
  }
  const avg = (fs: Figures[]): Figures => ({
    rps: fs.reduce((s, f) => s + f.rps, 0) / fs.length,
    p50: Math.max(...fs.map((f) => f.p50)),
    p99: Math.max(...fs.map((f) => f.p99)),
    errors: fs.reduce((s, f) => s + f.errors, 0),
  });
  const floor = avg(results.get("minimal page (/en/about)")!).rps;
  console.log(`50 connections, ${rounds} rounds of ${seconds} s each, alternating; browser Accept and Accept-Encoding`);
  console.log(
    `issuer page ${issuer}: ${(html.length / 1024).toFixed(1)} KB of HTML (${(packed.length / 1024).toFixed(1)} KB brotli); minimal page ${(about.length / 1024).toFixed(1)} KB`,
  );
  console.log("target                           req/s     p50 ms  p99 ms  errors  vs minimal page");
  for (const [name] of targets) {
    const f = avg(results.get(name)!);
    console.log(
      `${name.padEnd(32)} ${f.rps.toFixed(0).padStart(6)}  ${String(f.p50).padStart(6)}  ${String(f.p99).padStart(6)}  ${String(f.errors).padStart(6)}  ${(f.rps / floor).toFixed(2)}x`,
    );
  }
}

void main();
