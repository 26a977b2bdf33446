// Every dynamic public route of the build, walked with hostile path segments
// and query strings: a malformed address may be a 400 or a 404, never a 5xx.
// The route list comes from the build itself, so a route added later is walked
// without anyone listing it here.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const distDir = path.join(__dirname, "..", "..", ".next-test");

interface RoutesManifest {
  dynamicRoutes: { page: string }[];
}

/** Public dynamic routes: the editor area and the sign-in API are behind their own guards and tested apart. */
function dynamicRoutes(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as RoutesManifest;
  return manifest.dynamicRoutes
    .map((r) => r.page)
    .filter((p) => !p.startsWith("/editor") && !p.startsWith("/api/auth") && !p.startsWith("/api/editor"));
}

const HOSTILE_SEGMENTS = [
  "%00",
  "tether%00",
  "%C0%AF",
  "%E0%A4%A",
  "%FF%FE",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "a".repeat(1500),
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "%E2%80%AEtether",
  "Tether",
  "-",
  "%20",
  "%25",
  "1e999",
];

const HOSTILE_QUERIES = [
  "issuers=%00",
  "issuers=%C0%AF",
  "issuer=" + "x,".repeat(400),
  "from=9999-99-99&to=%00",
  "sort=%00&dir=sideways",
  "cursor=%FF%FE",
  "limit=-1",
  "limit=1e9",
  "v=%00",
  "q=%E0%A4%A",
];

/** A route pattern with its parameters filled: the locale with "en" unless it is the one being fuzzed. */
function fill(pattern: string, hostile: string, which: string): string {
  return pattern.replace(/\[\[?\.{0,3}([a-zA-Z]+)\]?\]/g, (_, name: string) =>
    name === which ? hostile : name === "locale" ? "en" : "tether",
  );
}

test("no dynamic public route answers 5xx to a hostile segment or query", async ({ request }) => {
  test.setTimeout(600_000);
  const routes = dynamicRoutes();
  expect(routes.length).toBeGreaterThan(10);
  const failures: string[] = [];
  let requests = 0;
  for (const route of routes) {
    const params = [...route.matchAll(/\[\[?\.{0,3}([a-zA-Z]+)\]?\]/g)].map((m) => m[1]!);
    const urls = new Set<string>();
    for (const which of params) for (const segment of HOSTILE_SEGMENTS) urls.add(fill(route, segment, which));
    const plain = fill(route, "tether", "");
    for (const query of HOSTILE_QUERIES) urls.add(`${plain}?${query}`);
    for (const url of urls) {
      const res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
      requests++;
      if (res.status() >= 500) failures.push(`${res.status()} ${url.slice(0, 120)}`);
    }
  }
  expect(requests).toBeGreaterThan(300);
  expect(failures).toEqual([]);
});
