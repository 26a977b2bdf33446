import { expect, test } from "@playwright/test";

test("the home page lists every demo issuer from the database, labelled as demo data", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/how dollar stablecoins are backed/i);
  await expect(page.getByTestId("demo-notice")).toContainText("Demo data");
  const rows = page.getByTestId("issuer-row");
  await expect(rows).toHaveCount(7);
  await expect(rows.filter({ hasText: "Northwind Dollar" })).toContainText("NWUSD");
  await expect(rows.filter({ hasText: "Adventure Works Dollar" })).toContainText("Winding down");
});
