// Following an issuer and keeping a watchlist, as a reader does it: without
// JavaScript for the follow form (a plain form, a real SMTP server receiving the
// confirmation), and the watchlist pins across a reload and a shared address.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { parseMail } from "../support/alerts";
import { MAIL_DIR } from "./support/smtp-global-setup";

async function mailTo(address: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const file = fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR).find((f) => f.includes(address)) : undefined;
    if (file) return parseMail(fs.readFileSync(path.join(MAIL_DIR, file), "utf8"));
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no message to ${address} within ${timeoutMs} ms`);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reader follows an issuer from its page with a plain form, and only a confirmation message is sent", async ({ page }) => {
    const reader = `reader-nojs-${Date.now().toString(36)}@example.org`;
    await page.goto("/en/issuers/tether");
    await page.getByTestId("follow-link").click();
    await expect(page).toHaveURL(/\/en\/issuers\/tether\/follow$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Follow Tether");
    await page.getByRole("textbox", { name: "E-mail address" }).fill(reader);
    await page.getByRole("button", { name: "Follow" }).click();
    await expect(page).toHaveURL(/\/en\/follow\/sent$/);
    await expect(page.getByTestId("follow-outcome")).toHaveText("Check your inbox");
    const confirmation = await mailTo(reader);
    expect(confirmation.subject).toBe("Confirm your USD1 Backed alerts");
    expect(confirmation.text).toContain("Tether");
    expect(confirmation.headers.has("list-unsubscribe")).toBe(false);
  });

  test("a pin is a link: pinning without JavaScript opens the watchlist, which shows only the pinned issuers", async ({ page }) => {
    await page.goto("/en");
    await page.getByTestId("issuer-row").filter({ hasText: "Tether" }).getByTestId("pin").click();
    await expect(page).toHaveURL(/\/en\/watchlist\/tether$/);
    await expect(page.getByTestId("issuer-row")).toHaveCount(1);
    await page.getByTestId("issuer-row").getByTestId("pin").click(); // unpin: the empty watchlist
    await expect(page).toHaveURL(/\/en\/watchlist$/);
    await expect(page.getByTestId("issuer-row")).toHaveCount(0);
  });
});

test("a refused follow says why; a confirmed one lands on the management page, which changes and ends it", async ({ page }) => {
  const reader = `reader-${Date.now().toString(36)}@example.org`;
  await page.goto("/en/issuers/circle/follow");
  // An address the browser's own check lets through (type="email") but ours refuses: no top-level domain.
  await page.getByRole("textbox", { name: "E-mail address" }).fill("reader@localhost");
  await page.getByRole("button", { name: "Follow" }).click();
  await expect(page.getByTestId("follow-error")).toContainText("Nothing was saved");
  await expect(page.getByTestId("follow-error")).toContainText("e-mail address");

  await page.getByRole("textbox", { name: "E-mail address" }).fill(reader);
  await page.getByRole("button", { name: "Follow" }).click();
  await expect(page).toHaveURL(/\/en\/follow\/sent$/);
  const confirmation = await mailTo(reader);
  const link = /(http:\/\/localhost:\d+\/api\/alerts\/confirm\?token=[A-Za-z0-9_-]{32})/.exec(confirmation.text)?.[1];
  expect(link, confirmation.text).toBeTruthy();

  await page.goto(link!);
  await expect(page).toHaveURL(/\/en\/follow\/manage\?token=[A-Za-z0-9_-]{32}&confirmed=1$/);
  await expect(page.getByTestId("follow-confirmed")).toBeVisible();
  await expect(page.getByTestId("manage-status")).toHaveText("active");
  const shown = await page.getByTestId("manage-subscription").textContent();
  expect(shown).not.toContain(reader); // masked, never the address itself
  expect(shown).toContain("Circle");
  const manageUrl = page.url();

  // Change what to be told about: the saved choice shows on the page.
  await page.getByLabel("a report is corrected").uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByLabel("a report is corrected")).not.toBeChecked();

  await page.getByRole("button", { name: "Unsubscribe and erase the address" }).click();
  await expect(page).toHaveURL(/\/en\/follow\/unsubscribed$/);
  await page.goto(manageUrl.replace("&confirmed=1", ""));
  await expect(page.getByTestId("manage-status")).toHaveText("ended");
  await expect(page.getByTestId("manage-subscription")).not.toContainText("@");
});

test("watchlist pins survive a reload and travel in a shared address", async ({ page, browser }) => {
  // Pins toggle in place once the table is hydrated (before that, a pin is a plain link): wait for it.
  await page.goto("/en", { waitUntil: "load" });
  await expect(page.locator(".controls[data-live]")).toHaveCount(1);
  const row = (name: string) => page.getByTestId("issuer-row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await row("Tether").getByTestId("pin").click();
  await row("Circle").getByTestId("pin").click();
  await expect(page).toHaveURL(/\/en$/); // toggled in place
  await expect(row("Tether")).toHaveAttribute("data-pinned", "true");

  await page.reload({ waitUntil: "load" });
  await expect(page.locator(".controls[data-live]")).toHaveCount(1);
  await expect(row("Tether")).toHaveAttribute("data-pinned", "true");
  await expect(row("Circle")).toHaveAttribute("data-pinned", "true");
  await page.getByTestId("only-pinned").check();
  await expect(page.getByTestId("issuer-row")).toHaveCount(2);

  const shared = await page.getByTestId("watchlist-link").getAttribute("href");
  expect(shared).toBe("/en/watchlist/circle,tether");
  // Another reader (no storage) opens the shared address: the same two, and the pins are theirs now.
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto(shared!, { waitUntil: "load" });
  await expect(theirs.getByTestId("issuer-row")).toHaveCount(2);
  await expect(theirs.locator(".controls[data-live]")).toHaveCount(1);
  await theirs.goto("/en", { waitUntil: "load" });
  await expect(theirs.locator(".controls[data-live]")).toHaveCount(1);
  await expect(theirs.getByTestId("issuer-row").filter({ hasText: "Circle" }).first()).toHaveAttribute("data-pinned", "true");
  await other.close();
});
