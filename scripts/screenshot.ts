// Screenshots of pages at desktop and phone width, light and dark, for review:
//   node --import tsx scripts/screenshot.ts http://localhost:3000/ /issuers/northwind-dollar
// Writes PNGs to .data/screenshots/.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const [base = "http://localhost:3000", ...paths] = process.argv.slice(2);
const out = path.join(import.meta.dirname, "..", ".data", "screenshots");
fs.mkdirSync(out, { recursive: true });
async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const variants = [
    { name: "desktop", viewport: { width: 1280, height: 900 }, scheme: "light" as const },
    { name: "phone", viewport: { width: 360, height: 780 }, scheme: "light" as const },
    { name: "wide", viewport: { width: 1920, height: 1080 }, scheme: "light" as const },
    { name: "desktop-dark", viewport: { width: 1280, height: 900 }, scheme: "dark" as const },
  ];
  for (const p of paths.length ? paths : ["/"]) {
    for (const v of variants) {
      const page = await browser.newPage({ viewport: v.viewport, colorScheme: v.scheme, deviceScaleFactor: 1 });
      // "load", then a moment for hydration: a page with many links keeps background prefetches going,
      // so waiting for an idle network can take longer than a reader waits for the page.
      await page.goto(new URL(p, base).toString(), { waitUntil: "load" });
      await page.waitForTimeout(1000);
      // Lazy images (the charts) load only near the viewport: scroll through, then wait for every image.
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 50));
        }
        window.scrollTo(0, 0);
        await Promise.all(
          [...document.images].map((img) => (img.complete ? null : new Promise((r) => img.addEventListener("load", r, { once: true })))),
        );
      });
      const file = path.join(out, `${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${v.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      // Also in viewport-sized parts: a long full page shrinks too far to read.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const part = v.viewport.height;
      for (let i = 0; i * part < height && i < 8; i++) {
        const partFile = file.replace(/\.png$/, `-part${i + 1}.png`);
        await page.screenshot({
          path: partFile,
          fullPage: true,
          clip: { x: 0, y: i * part, width: v.viewport.width, height: Math.min(part, height - i * part) },
        });
      }
      await page.close();
    }
  }
  await browser.close();
}

void main();
