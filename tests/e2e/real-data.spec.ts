import { expect, test } from "@playwright/test";

test("Tether's page lists its quarterly reports from 2021 with firm, lag, precision and source links", async ({ page }) => {
  await page.goto("/issuers/tether");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tether");
  const rows = page.getByTestId("attestation-row");
  await expect(rows).toHaveCount(19);
  const q2021 = rows.filter({ has: page.locator("th", { hasText: "2021-06-30" }) });
  await expect(q2021).toContainText("Moore Cayman");
  // group totals stated "at least": a lower bound, shown with ≥
  await expect(q2021.locator('[data-precision="lower_bound"]')).toContainText("≥");
  await expect(q2021.locator("a", { hasText: "source" })).toHaveAttribute("href", /scribd\.com/);
  await expect(rows.filter({ has: page.locator("th", { hasText: "2024-03-31" }) }).locator("td").nth(1)).toHaveText(/^\d+$/);
  // press-sourced rows say so beside the link
  await expect(page.locator(".badge.kind-press").first()).toBeVisible();
});

test("Tether's composition history shows commercial paper falling to zero during 2022", async ({ page }) => {
  await page.goto("/issuers/tether");
  const table = page.locator("figure.chart-figure", { hasText: "Composition over time, share of reserves" }).locator("details table");
  const header = await table.locator("thead th").allTextContents();
  const col = header.indexOf("Commercial paper and CDs");
  expect(col).toBeGreaterThan(0);
  const cell = async (asOf: string) => (await table.locator("tbody tr", { has: page.locator("th", { hasText: asOf }) }).locator("th, td").nth(col).textContent())!;
  expect(parseFloat(await cell("2022-03-31"))).toBeGreaterThan(20);
  expect(parseFloat(await cell("2022-06-30"))).toBeLessThan(15);
  expect(parseFloat(await cell("2022-12-31"))).toBe(0);
});

test("a report with no captured figures still counts in the cadence chart", async ({ page }) => {
  await page.goto("/issuers/wlfi-usd1");
  const cadence = page.locator("figure.chart-figure", { hasText: "Reporting cadence" });
  await expect(cadence.locator("details table tbody tr", { hasText: "2025-06-30" })).toContainText("publication date unknown");
});

test("TerraUSD shows as discontinued with its May 2022 collapse on the stress timeline", async ({ page }) => {
  await page.goto("/issuers/terrausd");
  await expect(page.locator(".facts")).toContainText("Discontinued");
  const events = page.getByTestId("stress-event");
  await expect(events.filter({ hasText: "2022-05" }).first()).toContainText("Depeg");
});
