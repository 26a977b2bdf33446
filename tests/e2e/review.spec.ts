// "Last reviewed": an editor marks an issuer checked against its sources; the
// editor area stops listing it as stale and the public page says when and who
// (display name only).
import { expect, test } from "@playwright/test";

import { createAdmin } from "./support/e2e-admin";

const stamp = Date.now().toString(36);
const admin = { email: `review-admin-${stamp}@example.org`, name: "Rey Reviewer", password: "review admin password e2e" };

test.beforeAll(async () => {
  await createAdmin(admin.email, admin.name, admin.password);
});

test("an editor marks an issuer reviewed; the stale list and the public page follow", async ({ page }) => {
  await page.goto("/editor");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Editor dashboard" })).toBeVisible();

  await page.goto("/editor/issuers?staleDays=30");
  const stale = page.getByTestId("stale-issuers");
  await expect(stale.getByRole("link", { name: "Contoso Cash (demo)", exact: true })).toBeVisible();

  await page.goto("/editor/issuers/contoso-cash");
  await page.getByLabel(/Note/).fill("Checked the latest report against the PDF");
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(page.getByTestId("review-form")).toContainText("Marked reviewed.");

  await page.goto("/editor/issuers?staleDays=30");
  await expect(stale.getByRole("link", { name: "Contoso Cash (demo)", exact: true })).toHaveCount(0);

  // The public page is checked in the next test: the editor pages link to it without a
  // prefetch, since a prefetch render in flight during the review was cached with the old line.
});

test("after a review, the public issuer page says when and by whom at once", async ({ page }) => {
  await page.goto("/en/issuers/contoso-cash");
  await expect(page.getByTestId("last-reviewed")).toContainText(`by ${admin.name}`);
  await expect(page.getByTestId("last-reviewed")).not.toContainText(admin.email);
});
