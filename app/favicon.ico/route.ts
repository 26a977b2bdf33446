// Browsers and crawlers ask for /favicon.ico whatever the page links: answer
// with our mark (app/icon.svg, which pages link as their icon) instead of a 404.
import fs from "node:fs/promises";
import path from "node:path";
import { cacheLife } from "next/cache";

async function mark(): Promise<string> {
  "use cache";
  cacheLife("max");
  return fs.readFile(path.join(process.cwd(), "app", "icon.svg"), "utf8");
}

export async function GET(): Promise<Response> {
  return new Response(await mark(), { headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" } });
}
