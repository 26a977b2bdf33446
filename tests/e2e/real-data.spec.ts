import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { parseCsv } from "@/lib/domain/import/read-csv";

const pack = (file: string) => parseCsv(fs.readFileSync(path.join(__dirname, "..", "..", "data", "public-reports", file))).rows;

test("Tether's page lists its quarterly reports from 2021 with firm, lag, precision and source links", async ({ page }) => {
  await page.goto("/issuers/tether/history");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tether");
  const rows = page.getByTestId("attestation-row");
  await expect(rows).toHaveCount(20);
  const q2021 = rows.filter({ has: page.locator("th", { hasText: "2021-06-30" }) });
  await expect(q2021).toContainText("Moore Cayman");
  // group totals stated "at least": a lower bound, shown with ≥
  await expect(q2021.locator('[data-precision="lower_bound"]')).toContainText("≥");
  await expect(q2021.locator("a", { hasText: "source" })).toHaveAttribute("href", /scribd\.com/);
  await expect(
    rows
      .filter({ has: page.locator("th", { hasText: "2024-03-31" }) })
      .locator("td")
      .nth(1),
  ).toHaveText(/^\d+$/);
  // press-sourced rows say so beside the link
  await expect(page.locator(".badge.kind-press").first()).toBeVisible();
});

test("Tether's composition history shows commercial paper falling to zero during 2022", async ({ page }) => {
  await page.goto("/issuers/tether/history");
  const table = page.locator("#data-composition-share table");
  const header = await table.locator("thead th").allTextContents();
  const col = header.indexOf("Commercial paper and CDs");
  expect(col).toBeGreaterThan(0);
  const cell = async (asOf: string) =>
    (await table
      .locator("tbody tr", { has: page.locator("th", { hasText: asOf }) })
      .locator("th, td")
      .nth(col)
      .textContent())!;
  expect(parseFloat(await cell("2022-03-31"))).toBeGreaterThan(20);
  expect(parseFloat(await cell("2022-06-30"))).toBeLessThan(15);
  expect(parseFloat(await cell("2022-12-31"))).toBe(0);
});

test("a report with no captured figures still counts in the cadence chart", async ({ page }) => {
  await page.goto("/issuers/wlfi-usd1/history");
  await expect(page.locator("#data-cadence table tbody tr", { hasText: "2025-06-30" })).toContainText("publication date unknown");
});

test("TerraUSD shows as discontinued with its May 2022 collapse on the stress timeline", async ({ page }) => {
  await page.goto("/issuers/terrausd");
  await expect(page.locator(".facts")).toContainText("Discontinued");
  const events = page.getByTestId("stress-event");
  await expect(events.filter({ hasText: "2022-05" }).first()).toContainText("Depeg");
});

test("the API's coverage of every pack report and captured share of every latest breakdown equal plain arithmetic on the pack's CSV files", async ({
  request,
}) => {
  const reports = pack("reports.csv");
  const lines = pack("composition.csv");
  const asOfDay = (asOf: string) => (asOf.length === 7 ? `${asOf}-01` : asOf);
  let ratios = 0;
  let breakdowns = 0;
  for (const slug of [...new Set(reports.map((r) => r.issuer_slug!))]) {
    const answer = await request.get(`/api/v1/attestations?issuer=${slug}&limit=100`);
    expect(answer.status()).toBe(200);
    const api = (await answer.json()) as { data: { asOf: string; computed: { coveragePct: { value: string | null } } }[] };
    for (const r of reports.filter((x) => x.issuer_slug === slug)) {
      const got = api.data.find((a) => a.asOf === asOfDay(r.as_of!));
      expect(got, `${slug} ${r.as_of}`).toBeDefined();
      if (!r.tokens_outstanding_usd || !r.total_reserves_usd) {
        expect(got!.computed.coveragePct.value, `${slug} ${r.as_of}`).toBeNull();
        continue;
      }
      const expected = (Number(r.total_reserves_usd) / Number(r.tokens_outstanding_usd)) * 100;
      expect(Number(got!.computed.coveragePct.value), `${slug} ${r.as_of}`).toBeCloseTo(expected, 6);
      ratios++;
    }
    // The issuer's latest breakdown: when every line has an amount, the captured share is their sum over total reserves.
    const detail = (await (await request.get(`/api/v1/issuers/${slug}`)).json()) as {
      computed: { latestComposition: { asOf: string; notCapturedPct: { value: string | null } } | null };
    };
    const c = detail.computed.latestComposition;
    if (!c) continue;
    const report = reports.find((r) => r.issuer_slug === slug && asOfDay(r.as_of!) === c.asOf)!;
    const its = lines.filter((l) => l.issuer_slug === slug && asOfDay(l.as_of!) === c.asOf);
    if (!report.total_reserves_usd || its.some((l) => !l.amount_usd)) continue;
    const captured = (its.reduce((s, l) => s + Number(l.amount_usd), 0) / Number(report.total_reserves_usd)) * 100;
    expect(100 - Number(c.notCapturedPct.value), slug).toBeCloseTo(Math.min(captured, 100), 6);
    breakdowns++;
  }
  expect(ratios).toBeGreaterThan(25);
  expect(breakdowns).toBeGreaterThan(2);
});

test("an issuer known only by its supply says so instead of showing empty reserve figures", async ({ page }) => {
  await page.goto("/en/issuers/aave-gho");
  await expect(page.getByTestId("supply-only")).toContainText("none stating total reserves");
  await expect(page.locator("#composition-h ~ p").first()).toContainText("only token supply is known");
});

test("the footer and the sources page name the pack's edition and compilation date", async ({ page }) => {
  await page.goto("/en/about");
  await expect(page.getByTestId("pack-edition")).toHaveText("Public-reports pack: 2nd edition, compiled 2026-12.");
  await page.goto("/es/sources");
  await expect(page.getByTestId("loaded-edition")).toContainText("2.ª edición");
});

test("a newer partial breakdown is named, not taken for the whole, and the page, the API and the CSV agree on the composition's report", async ({
  page,
  request,
}) => {
  await page.goto("/en/issuers/circle");
  await expect(page.locator("#composition-h ~ p.sub").first()).toContainText("2024-12-31");
  await expect(page.getByTestId("later-partial")).toContainText("2025-12-31");
  const api = (await (await request.get("/api/v1/issuers/circle")).json()) as {
    computed: { latestComposition: { asOf: string } | null; laterPartialComposition: { asOf: string } | null };
  };
  expect(api.computed.latestComposition?.asOf).toBe("2024-12-31");
  expect(api.computed.laterPartialComposition?.asOf).toBe("2025-12-31");
  const csv = parseCsv(Buffer.from(await (await request.get("/data/issuers.csv?issuer=circle")).body())).rows;
  expect(csv[0]!.computed_composition_as_of).toBe("2024-12-31");
  // Paxos's BUSD has lines, but none covering enough of reserves: eligibility is not judged on them.
  await page.goto("/en/issuers/paxos-busd");
  await expect(page.getByTestId("eligibility-not-assessable")).toContainText("Not assessable from the lines we hold");
});

test("a report without a breakdown is a gap in both composition charts, never a zero", async ({ page }) => {
  await page.goto("/en/issuers/tether/history");
  const lines = pack("composition.csv").filter((l) => l.issuer_slug === "tether");
  const without = pack("reports.csv")
    .filter((r) => r.issuer_slug === "tether" && !lines.some((l) => l.as_of === r.as_of))
    .map((r) => r.as_of!);
  expect(without.length).toBeGreaterThan(0);
  for (const title of ["composition-share"]) {
    const table = page.locator(`#data-${title} table`);
    for (const asOf of without) {
      const cells = await table
        .locator("tbody tr", { has: page.locator("th", { hasText: asOf }) })
        .locator("td")
        .allTextContents();
      expect(cells.length, `${title} ${asOf}`).toBeGreaterThan(0);
      expect(
        cells.every((c) => c === "not given"),
        `${title} ${asOf}: ${cells.join(" | ")}`,
      ).toBe(true);
    }
    // and no row of a report with figures reads all zeros
    const rows = await table.locator("tbody tr").all();
    for (const row of rows) {
      const cells = (await row.locator("td").allTextContents()).filter((c) => c !== "—" && c !== "not given");
      if (cells.length) expect(cells.every((c) => /^0(\.0+)?\s*%?$/.test(c.trim()))).toBe(false);
    }
  }
});
