import { expect, test } from "@playwright/test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { parse } from "csv-parse/sync";

import { columnNames, CSV_FILES, CSV_KINDS } from "@/lib/domain/csv/columns";

import { atomProblems } from "../support/atom";
import { responseChecker } from "../support/openapi";

// Runs against the app started by playwright.config.ts on the demo data set.
const SLUG = "northwind-dollar";

test.describe("JSON API", () => {
  test("publishes an OpenAPI 3.1 document that validates, and every documented route answers data matching it", async ({ request }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    const validation = await new Validator().validate(structuredClone(doc));
    expect(validation.errors ?? []).toEqual([]);
    const check = responseChecker(doc);
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBe(6);
    for (const path of paths) {
      const url = path.replace("{slug}", SLUG);
      const answer = await request.get(url);
      expect(answer.status(), url).toBe(200);
      expect(answer.headers()["access-control-allow-origin"]).toBe("*");
      expect(answer.headers()["cache-control"]).toMatch(/max-age=60/);
      const body = await answer.json();
      expect(check(path, "200", body), url).toEqual([]);
    }
  });

  test("pages with an opaque cursor until the last page, without repeats", async ({ request }) => {
    const seen: string[] = [];
    let next: string | null = "/api/v1/attestations?limit=25&issuer=northwind-dollar,contoso-cash";
    while (next) {
      const res = await request.get(next);
      expect(res.status()).toBe(200);
      const body = (await res.json()) as { data: { id: string; asOf: string }[]; page: { next: string | null } };
      seen.push(...body.data.map((a) => a.id));
      next = body.page.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = await (await request.get("/api/v1/attestations?limit=200&issuer=northwind-dollar,contoso-cash")).json();
    expect(seen).toEqual(all.data.map((a: { id: string }) => a.id));
  });

  test("answers a repeated GET with If-None-Match with 304 and no body", async ({ request }) => {
    for (const url of ["/api/v1/issuers", `/api/v1/issuers/${SLUG}`, "/api/v1/stress-events?limit=3", "/feeds/attestations.xml"]) {
      const first = await request.get(url);
      const etag = first.headers()["etag"];
      expect(etag, url).toMatch(/^"[^"]+"$/);
      const again = await request.get(url, { headers: { "If-None-Match": etag! } });
      expect(again.status(), url).toBe(304);
      expect((await again.body()).length).toBe(0);
      const other = await request.get(url, { headers: { "If-None-Match": '"something-else"' } });
      expect(other.status(), url).toBe(200);
    }
  });

  test("allows cross-origin GET, and explains bad queries and unknown issuers", async ({ request }) => {
    const preflight = await request.fetch("/api/v1/attestations", {
      method: "OPTIONS",
      headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");
    const bad = await request.get("/api/v1/attestations?limit=1000");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.message).toMatch(/limit/);
    expect((await request.get("/api/v1/issuers/no-such-issuer")).status()).toBe(404);
    expect((await request.get("/api/v1/stress-events?cursor=forged")).status()).toBe(400);
  });
});

test.describe("Atom feeds", () => {
  test("validate as Atom, for all issuers and for one", async ({ request }) => {
    for (const url of ["/feeds/attestations.xml", "/feeds/stress-events.xml", `/feeds/issuers/${SLUG}.xml`]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(200);
      expect(res.headers()["content-type"]).toContain("application/atom+xml");
      const xml = await res.text();
      expect(atomProblems(xml), url).toEqual([]);
      expect(xml.match(/<entry>/g)?.length ?? 0, url).toBeGreaterThan(0);
    }
    expect((await request.get("/feeds/issuers/no-such-issuer.xml")).status()).toBe(404);
  });
});

test.describe("CSV downloads", () => {
  test("every page with data links a CSV of what it shows", async ({ page, request }) => {
    const pages: [string, string][] = [
      ["/", "/data/issuers.csv"],
      [`/issuers/${SLUG}`, `/data/reports.csv?issuer=${SLUG}`],
      ["/attestations", "/data/reports.csv"],
      ["/stress", "/data/stress_events.csv"],
    ];
    for (const [path, href] of pages) {
      await page.goto(path);
      const link = page.getByTestId("download-csv").first();
      await expect(link).toHaveAttribute("href", href);
      await expect(link).toHaveAttribute("download", "");
      const res = await request.get(href);
      expect(res.status(), href).toBe(200);
      expect(res.headers()["content-type"]).toContain("text/csv");
      const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
      expect(rows.length, href).toBeGreaterThan(0);
    }
  });

  test("serve each documented file with its documented header, and refuse bad filters", async ({ request }) => {
    for (const kind of CSV_KINDS) {
      const res = await request.get(`/data/${CSV_FILES[kind].file}?issuer=${SLUG}&from=2024-01-01`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-disposition"]).toBe(`attachment; filename="${CSV_FILES[kind].file}"`);
      const text = await res.text();
      expect((parse(text, { to_line: 1 }) as string[][])[0]).toEqual(columnNames(kind));
    }
    expect((await request.get("/data/reports.csv?issuer=no-such-issuer")).status()).toBe(404);
    expect((await request.get("/data/reports.csv?from=2024-13-01")).status()).toBe(400);
    expect((await request.get("/data/passwords.csv")).status()).toBe(404);
  });

  test("the data page documents every column the files have", async ({ page }) => {
    await page.goto("/data");
    for (const kind of CSV_KINDS) {
      const table = page.getByTestId(`columns-${CSV_FILES[kind].file}`);
      await expect(table.locator("tbody th")).toHaveText(columnNames(kind));
    }
  });
});

test.describe("embeddable charts", () => {
  test("may be framed by any site, while every other page refuses to be framed", async ({ request }) => {
    for (const kind of ["composition", "coverage"]) {
      const res = await request.get(`/embed/issuers/${SLUG}/${kind}`);
      expect(res.status()).toBe(200);
      expect(res.headers()["x-frame-options"]).toBeUndefined();
      expect(res.headers()["content-security-policy"]).toMatch(/frame-ancestors \*/);
      expect(await res.text()).toContain("<svg");
    }
    for (const path of ["/", `/issuers/${SLUG}`, "/data", "/api/v1/issuers"]) {
      const res = await request.get(path);
      expect(res.headers()["x-frame-options"], path).toBe("DENY");
    }
  });

  test("the issuer page copies a working embed code", async ({ page, context }) => {
    // clipboard-read/-write permissions are Chromium's; every project of this suite runs Debian's Chromium
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`/issuers/${SLUG}`);
    await page.getByText("Embed the charts on your site").click();
    const button = page.getByRole("button", { name: "Copy embed code" }).first();
    await button.click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const origin = new URL(page.url()).origin;
    expect(copied).toMatch(new RegExp(`^<iframe src="${origin}/embed/issuers/${SLUG}/composition" title="[^"]+"`));
    // the copied code really embeds: an outside page framing it shows the chart
    await page.setContent(copied);
    const frame = page.frameLocator("iframe");
    await expect(frame.locator("svg").first()).toBeVisible();
  });
});
