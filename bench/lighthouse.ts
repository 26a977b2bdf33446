// Lighthouse performance, accessibility and best-practices scores of the minimal page
// (the baseline), home, an issuer page and others (Lighthouse's default mobile
// emulation, simulated throttling), in Debian's Chromium. Lighthouse
// runs as its own CLI process: functions it sends to the browser must not pass
// through this script's TypeScript loader (it adds helpers the page lacks).
//   node --conditions=react-server --import tsx bench/lighthouse.ts
import { spawnSync } from "node:child_process";
import path from "node:path";

import { root, startApp } from "./lib/app";

interface Lhr {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { displayValue?: string }>;
}

async function main() {
  const app = await startApp({ port: 3440, name: "bench-lighthouse" });
  try {
    console.log("page                  performance  accessibility  best practices  LCP      TBT     CLS");
    // The minimal page first: the baseline the others are judged against in the same run.
    for (const page of [
      "/en/about",
      "/en",
      "/en/issuers/tether",
      "/en/methodology",
      "/es/learn/types-of-backing",
      "/pt/learn/checklist/tether",
    ]) {
      // warm the cache so the run measures what visitors get (a fresh connection: the
      // server closes idle keep-alive sockets after 5 s, and a Lighthouse run takes longer)
      await (await fetch(app.url + page, { headers: { connection: "close" } })).arrayBuffer();
      const run = spawnSync(
        process.execPath,
        [
          path.join(root, "node_modules", "lighthouse", "cli", "index.js"),
          app.url + page,
          "--output=json",
          "--quiet",
          "--only-categories=performance,accessibility,best-practices",
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run",
        ],
        {
          encoding: "utf8",
          env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      if (run.status !== 0) throw new Error(`lighthouse failed for ${page}:\n${run.stderr.slice(-2000)}`);
      const lhr = JSON.parse(run.stdout) as Lhr;
      const score = (id: string) => String(Math.round((lhr.categories[id]?.score ?? 0) * 100)).padStart(3);
      const audit = (id: string) => lhr.audits[id]?.displayValue ?? "n/a";
      console.log(
        `${page.padEnd(22)}        ${score("performance")}            ${score("accessibility")}             ${score("best-practices")}  ${audit("largest-contentful-paint").padEnd(8)} ${audit("total-blocking-time").padEnd(7)} ${audit("cumulative-layout-shift")}`,
      );
    }
    console.log(
      "target: performance at least 98 where the minimal page (/en/about) reaches 98 in this run; accessibility and best practices 100",
    );
  } finally {
    await app.stop();
  }
}

void main();
