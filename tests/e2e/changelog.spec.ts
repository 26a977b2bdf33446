import { expect, test } from "@playwright/test";

test("the public changelog lists publications and corrections with their reasons, by display name, never an email", async ({ page }) => {
  await page.goto("/changelog");
  const list = page.getByTestId("changelog");
  await expect(list.locator("li").first()).toBeVisible();
  const corrected = list.locator('li[data-kind="corrected"]', { hasText: "Northwind Dollar" });
  await expect(corrected).toHaveCount(1);
  await expect(corrected).toContainText("Reason: Transposed digits");
  await expect(list.locator('li[data-kind="published"]', { hasText: "Tether" }).first()).toContainText("By data import");
  expect(await list.textContent()).not.toMatch(/@[a-z0-9-]+\.[a-z]/i);
});

test("an issuer's changelog lists only its own changes and is linked from its page", async ({ page }) => {
  await page.goto("/issuers/northwind-dollar");
  await page.locator("main").getByRole("link", { name: "Changelog", exact: true }).click();
  await expect(page).toHaveURL(/\/issuers\/northwind-dollar\/changelog$/);
  const items = page.getByTestId("changelog").locator("li");
  expect(await items.count()).toBeGreaterThan(40);
  await expect(page.getByTestId("changelog")).not.toContainText("Tether");
  await expect(page.getByTestId("changelog").locator('li[data-kind="stress_recorded"]')).toHaveCount(1);
});
