import { expect, test } from "@playwright/test";

test("the home page lists every issuer from the database, real ones beside the demo set, each labelled", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/how dollar stablecoins are backed/i);
  await expect(page.getByTestId("demo-notice")).toContainText("Demo data");
  await expect(page.getByTestId("sources-notice")).toContainText("compiled from public sources");
  const rows = page.getByTestId("issuer-row");
  // 18 real issuers from the pack (second edition) + 7 fictional ones
  await expect(rows).toHaveCount(25);
  await expect(rows.filter({ hasText: "Northwind Dollar" })).toContainText("demo");
  await expect(rows.filter({ hasText: "Adventure Works Dollar" })).toContainText("Winding down");
  await expect(rows.filter({ hasText: "Tether" })).not.toContainText("demo");
});

test("the full table (/issuers) lists every issuer and sorts; the home page, holding them all, links to no partial view", async ({
  page,
}) => {
  // Beyond its first 50 issuers (A to Z) the home page holds only those and opens this page for any sort or filter.
  await page.goto("/en");
  await expect(page.getByTestId("issuer-row")).toHaveCount(25);
  await expect(page.getByTestId("table-partial")).toHaveCount(0);
  await page.goto("/en/issuers?sort=stress&dir=desc");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All issuers");
  await expect(page.getByTestId("issuer-row")).toHaveCount(25);
  await expect(page.getByRole("columnheader", { name: /Stress/ })).toHaveAttribute("aria-sort", "descending");
  const stress = (await page.getByTestId("issuer-row").locator("td:last-child").allTextContents()).map(Number);
  expect(stress).toEqual([...stress].sort((a, b) => b - a));
  expect(stress[0]).toBeGreaterThan(0);
});

test("the comparison table sorts and filters, and its URL restores the same view", async ({ page }) => {
  await page.goto("/");
  const names = () => page.getByTestId("issuer-row").locator("th a").allTextContents();
  await page.getByRole("button", { name: /^Coverage/ }).click();
  await page.getByRole("button", { name: /^Coverage/ }).click();
  await expect(page).toHaveURL(/sort=coverage&dir=desc/);
  // coverage cells read "≥ 101.2%", "≈ 100.5%", "n/a": numbers must not increase down the table, n/a last
  const coverage = (await page.getByTestId("issuer-row").locator('[data-col="coverage"]').allTextContents()).map((t) => {
    const m = /([\d.]+)%/.exec(t);
    return m ? Number(m[1]) : null;
  });
  const known = coverage.filter((c): c is number => c !== null);
  expect(known.length).toBeGreaterThan(5);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  expect(coverage.slice(known.length).every((c) => c === null)).toBe(true);

  await page.getByLabel("Backing model").selectOption("hybrid");
  await expect(page).toHaveURL(/backing=hybrid/);
  const hybrid = await names();
  expect(hybrid.length).toBeGreaterThan(1);
  expect(hybrid).toContain("Tether");
  expect(hybrid).not.toContain("Circle");

  const url = page.url();
  await page.goto("about:blank");
  await page.goto(url);
  await expect(page.getByTestId("issuer-row")).toHaveCount(hybrid.length);
  expect(await names()).toEqual(hybrid);
  await expect(page.getByLabel("Backing model")).toHaveValue("hybrid");
});

test("selecting issuers opens the compare view with them", async ({ page }) => {
  await page.goto("/");
  for (const name of ["Tether", "Circle", "Northwind Dollar (demo)"]) {
    await page.getByRole("checkbox", { name: `Select ${name} to compare` }).check();
  }
  await page.getByTestId("compare-link").click();
  await expect(page).toHaveURL(/\/compare\?issuers=tether,circle,northwind-dollar/);
  const table = page.locator("table.compare");
  await expect(table.locator("thead th")).toHaveCount(3);
  await expect(table).toContainText("Coverage");
  await expect(page.locator("figure.chart-figure")).not.toHaveCount(0);
});
