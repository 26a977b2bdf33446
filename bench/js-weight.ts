// Prints the gzip size of the JavaScript a first visit downloads, for home and
// an issuer page, beside a minimal page of the same build (/about: no client
// components of ours), and the difference: the part that is ours.
//   node --conditions=react-server --import tsx bench/js-weight.ts
import zlib from "node:zlib";

import { startApp } from "./lib/app";
import { issuerSlugs, scriptUrls } from "./lib/pages";

async function weigh(base: string, path: string) {
  const html = await (await fetch(base + path)).text();
  let raw = 0;
  let gzip = 0;
  const files = scriptUrls(html);
  for (const url of files) {
    const body = Buffer.from(await (await fetch(new URL(url, base))).arrayBuffer());
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { path, files: files.length, raw, gzip };
}

async function main() {
  const app = await startApp({ port: 3410, name: "bench-js" });
  try {
    const slugs = await issuerSlugs(app.url);
    // The issuer with the most history (and charts) when the real pack is loaded.
    const slug = process.argv[2] ?? (slugs.includes("tether") ? "tether" : slugs[0]);
    const floor = await weigh(app.url, "/en/about");
    const rows = [floor, await weigh(app.url, "/en"), await weigh(app.url, `/en/issuers/${slug}`)];
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log("page                         scripts   raw        gzip       ours (gzip, beyond /about)");
    for (const r of rows) {
      console.log(
        `${r.path.padEnd(28)} ${String(r.files).padStart(7)}   ${kb(r.raw).padEnd(10)} ${kb(r.gzip).padEnd(10)} ${kb(r.gzip - floor.gzip)}`,
      );
    }
    const worst = Math.max(...rows.map((r) => r.gzip - floor.gzip));
    console.log(`target: at most 25 KB beyond the floor; worst page: ${kb(worst)} ${worst <= 25 * 1024 ? "(met)" : "(NOT met)"}`);
  } finally {
    await app.stop();
  }
}

void main();
