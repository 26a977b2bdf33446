// Reader corrections in a real browser: a reader suggests a correction from a
// report row (no account, no JavaScript needed), gets a one-time follow link;
// an admin sees it in the queue with the snapshot, declines one and accepts
// another (landing on the report's correction form, reason and the proposed
// amount prefilled), saves the correction; the public changelog shows it with
// its reason; the reader's links show the outcomes and never the contact.
import { expect, test, type Page } from "@playwright/test";

import { createAdmin } from "./support/e2e-admin";

test.describe.configure({ mode: "serial" });
const stamp = Date.now().toString(36);
const admin = { email: `sugg-admin-${stamp}@example.org`, name: "Sue Suggestions", password: "suggestions admin password e2e" };
const contact = `reader-${stamp}@example.org`;
const links: Record<"declined" | "accepted", string> = { declined: "", accepted: "" };

test.beforeAll(async () => {
  await createAdmin(admin.email, admin.name, admin.password);
});

async function suggest(page: Page, proposed: string, figure = "Total reserves", field = "total_reserves"): Promise<string> {
  await page.goto("/issuers/northwind-dollar");
  await page.getByTestId("attestation-row").first().getByTestId("suggest-correction").click();
  await expect(page).toHaveURL(/\/issuers\/northwind-dollar\/suggest\?report=/);
  // the honeypot stays out of sight under the site's CSP (an inline style would be ignored)
  const trap = await page.locator("#s-website").boundingBox();
  expect(trap === null || trap.x + trap.width <= 0, "honeypot field visible").toBe(true);
  await page.getByLabel("Which figure").selectOption(field);
  await page.getByLabel("The figure, in your words").fill(figure);
  await page.getByLabel("What it should read").fill(proposed);
  await page.getByLabel(/Source URL/).fill("https://example.org/northwind-report.pdf");
  await page.getByLabel(/Contact/).fill(contact);
  // the form refuses a submission within 3 seconds of rendering
  await page.waitForTimeout(3_500);
  await page.getByRole("button", { name: "Send suggestion" }).click();
  await expect(page.getByTestId("suggestion-received")).toBeVisible();
  await expect(page.getByTestId("suggestion-status")).toHaveText("pending");
  expect(await page.locator("main").textContent()).not.toContain(contact);
  return (await page.getByTestId("follow-link").getAttribute("href"))!;
}

test("a reader suggests two corrections and gets a follow link for each", async ({ page }) => {
  links.declined = await suggest(page, `<b>1 billion</b> ${stamp}-d`);
  // the accepted one names a single amount (the stamp goes in the figure, or its digits would count as a second amount)
  // Tokens outstanding: a new total reserves would also have to agree with the report's lines.
  links.accepted = await suggest(page, "1.2 billion, page 2", `Tokens outstanding ${stamp}-a`, "tokens_outstanding");
  expect(links.declined).toMatch(/^\/en\/corrections\/[A-Za-z0-9_-]{32}$/);
  // HTML typed by the reader is shown as text
  await page.goto(links.declined);
  await expect(page.getByTestId("suggestion-proposed")).toHaveText(`<b>1 billion</b> ${stamp}-d`);
});

test("an editor declines one and accepts the other; the reader's links show the outcome", async ({ page }) => {
  await page.goto("/editor");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Editor dashboard" })).toBeVisible();
  await page.getByRole("navigation", { name: "Editor" }).getByRole("link", { name: "Suggestions" }).click();

  const declined = page.getByTestId("suggestion").filter({ hasText: `${stamp}-d` });
  await expect(declined.getByTestId("suggestion-snapshot")).toContainText("Reserves:");
  await expect(declined.getByTestId("suggestion-current")).toContainText("Reserves:");
  await declined.getByLabel(/Reason for declining/).fill("The report says otherwise on page 2");
  await declined.getByTestId("decline-suggestion").click();
  await expect(declined.getByTestId("suggestion-state")).toHaveText("declined");

  const accepted = page.getByTestId("suggestion").filter({ hasText: `${stamp}-a` });
  await accepted.getByTestId("accept-suggestion").click();
  await expect(page).toHaveURL(/\/editor\/attestations\/[^/?]+\?suggestion=/);
  await expect(page.getByTestId("from-suggestion")).toContainText(`${stamp}-a`);
  await expect(page.getByLabel(/Reason for the correction/)).toHaveValue(/^Reader correction \(suggestion /);
  // the reader's "1.2 billion" is in the form, as a rounded figure, for the editor to check
  await expect(page.getByLabel("Tokens outstanding (USD)")).toHaveValue("1200000000");
  await expect(page.getByLabel("Tokens outstanding: precision")).toHaveValue("rounded");
  const reason = await page.getByLabel(/Reason for the correction/).inputValue();
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByTestId("save-notice")).toContainText("Correction saved as a new revision");

  // the public changelog shows the correction with its reason, by the editor's display name
  await page.goto("/en/issuers/northwind-dollar/changelog");
  const entry = page.getByTestId("changelog").locator('li[data-kind="corrected"]').filter({ hasText: reason });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(admin.name);
  await expect(page.getByTestId("changelog")).not.toContainText(admin.email);

  await page.goto(links.declined);
  await expect(page.getByTestId("suggestion-status")).toHaveText("declined: The report says otherwise on page 2");
  await page.goto(links.accepted);
  await expect(page.getByTestId("suggestion-status")).toHaveText("accepted");
  expect(await page.locator("main").textContent()).not.toContain(contact);
});
