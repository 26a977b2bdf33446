// The editor area in a real browser against the real app and database. The
// first admin is created with `npm run create-admin`'s code path
// (tests/e2e/support/e2e-admin.ts); that admin invites an editor, who then
// drafts, publishes and corrects a report; the public issuer page then shows
// the new figures and the revision, and the audit log shows each step.
import { expect, test, type Page } from "@playwright/test";

import { createAdmin } from "./support/e2e-admin";

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const admin = { email: `admin-${stamp}@example.org`, name: "Ada Admin", password: "admin password for e2e only" };
const editor = { email: `editor-${stamp}@example.org`, name: "Eve Editor", password: "editor password for e2e only" };
let inviteUrl = "";

// Issuers no other spec asserts on (the run shares one database). A past day no
// demo report uses (they are dated at month ends), published today;
// it varies between runs so a rerun against the same database does not collide.
const now = new Date();
const day = 2 + (Math.floor(now.getTime() / 60_000) % 26);
const asOf = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, day)).toISOString().slice(0, 10);
const today = now.toISOString().slice(0, 10);
const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);

/** Collects Content-Security-Policy violations the browser reports. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

async function submitSignIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/editor\/sign-in\?callbackUrl=%2Feditor/);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await submitSignIn(page, who);
  await expect(page.getByRole("heading", { level: 1, name: "Editor dashboard" })).toBeVisible();
}

test.beforeAll(async () => {
  await createAdmin(admin.email, admin.name, admin.password);
});

test("anonymous visitors get a real 307 to sign in; editor pages carry a nonce policy, public pages do not pass through the proxy", async ({
  request,
}) => {
  const editorPage = await request.get("/editor/issuers", { maxRedirects: 0 });
  expect(editorPage.status()).toBe(307);
  expect(editorPage.headers()["location"]).toMatch(/\/editor\/sign-in\?callbackUrl=%2Feditor%2Fissuers$/);

  const signInPage = await request.get("/editor/sign-in");
  expect(signInPage.status()).toBe(200);
  const policy = signInPage.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(nonce).toBeTruthy();
  const html = await signInPage.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const home = await request.get("/");
  expect(home.headers()["content-security-policy"]).not.toContain("nonce-");
  expect(home.headers()["cache-control"]).not.toMatch(/no-store|private/);
});

test("an admin signs in and invites an editor with a one-time link; the editor sets a password", async ({ page, browser }) => {
  const csp = watchCsp(page);
  await submitSignIn(page, { ...admin, password: "not the password" });
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await signIn(page, admin);
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByLabel("Email").fill(editor.email);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = page.getByTestId("invite-link");
  await expect(link).toContainText("/editor/invite/");
  inviteUrl = (await link.locator("code").textContent())!.trim();

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(inviteUrl);
  await invitee.getByLabel("Your name, as the audit log shows it").fill(editor.name);
  await invitee.getByLabel("Password (at least 12 characters)").fill(editor.password);
  await invitee.getByLabel("Password again").fill(editor.password);
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee.getByTestId("invite-accepted")).toContainText(editor.email);
  // the link works once
  await invitee.goto(inviteUrl);
  await expect(invitee.getByTestId("invite-invalid")).toContainText("already been used");
  expect(csp).toEqual([]);
});

test("until React has hydrated the page, the sign-in form cannot be used: a native submit would put the password in the address", async ({
  page,
}) => {
  // The page's own scripts never arrive, as on a slow phone before they do: the streamed HTML is shown (its inline
  // scripts run) but React never takes the form over.
  await page.route("**/_next/static/chunks/**", (route) => route.abort());
  await page.goto("/editor/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Email")).toBeDisabled();
  await expect(page.getByLabel("Password")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
});

test("an editor drafts, publishes and corrects a report; the public page shows the new figures and the revision; the audit log shows each step", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const csp = watchCsp(page);
  await signIn(page, editor);
  await expect(page.getByTestId("signed-in-as")).toContainText(editor.name);

  // Draft, with live validation while typing (nothing submitted yet).
  await page.goto("/editor/issuers/fabrikam-vault-dollar/attestations/new");
  await page.getByLabel("As-of date").fill(tomorrow);
  await expect(page.getByText(/cannot be in the future/).first()).toBeVisible();
  await page.getByLabel("As-of date").fill(asOf);
  await expect(page.getByText(/cannot be in the future/)).toHaveCount(0);
  await page.getByLabel("Publication date").fill(today);
  await page.getByLabel("Firm").fill("Browser Test Assurance LLP");
  await page.getByLabel("Report URL").fill("https://example.org/fabrikam/report.pdf");
  await page.getByLabel("Tokens outstanding (USD)").fill("7000000000");
  await page.getByLabel("Total reserves (USD)").fill("7100000000");
  await page.getByRole("button", { name: "Add a line" }).click();
  await page.getByLabel("Line 1: category").selectOption("tbills_93d");
  await page.getByLabel("Line 1: amount").fill("7200000000");
  await expect(page.getByText(/captured lines exceed total reserves/)).toBeVisible(); // refused live, before saving
  await page.getByLabel("Line 1: amount").fill("7100000000");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page).toHaveURL(/\/editor\/attestations\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("draft");
  const reportUrl = page.url();

  // Publish.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("published");
  // the outcome outlives the form's remount on the new version
  await expect(page.getByTestId("save-notice")).toHaveText("Published.");

  const publicRow = async () => {
    // The history page lists every report (the issuer page only the latest four).
    await page.goto("/issuers/fabrikam-vault-dollar/history");
    // The row whose own as-of date is asOf (another report may have been published on that day).
    return page.getByTestId("attestation-row").filter({ has: page.locator(`th time[datetime="${asOf}"]`) });
  };
  let row = await publicRow();
  await expect(row).toContainText("$7.1 B");
  await expect(row).toContainText("Browser Test Assurance LLP");

  // Correct.
  await page.goto(reportUrl);
  await page.getByLabel("Total reserves (USD)").fill("7200000000");
  await page.getByLabel("Line 1: amount").fill("7200000000");
  await page.getByLabel("Reason for the correction (shown to readers)").fill("The issuer restated total reserves");
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("revision 2");

  row = await publicRow();
  await expect(row).toContainText("$7.2 B");
  await expect(row).toContainText(`revised on ${today}`);
  await row.getByText("revised").click();
  await expect(row).toContainText("Revision 1 read: reserves $7,100,000,000");
  await expect(row).toContainText("The issuer restated total reserves");

  // The audit log: each step, by whom.
  await page.goto(reportUrl);
  await page.getByRole("link", { name: "History in the audit log" }).click();
  const entries = page.getByTestId("audit-row");
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toHaveAttribute("data-action", "correct");
  await expect(entries.nth(1)).toHaveAttribute("data-action", "publish");
  await expect(entries.nth(2)).toHaveAttribute("data-action", "create");
  for (let i = 0; i < 3; i++) await expect(entries.nth(i)).toContainText(editor.name);
  await entries.nth(0).getByText("fields").click();
  await expect(entries.nth(0)).toContainText("7100000000");
  await expect(entries.nth(0)).toContainText("7200000000");
  expect(csp).toEqual([]);
});

test("two editors save the same draft: the second sees what changed meanwhile and nothing is overwritten", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, editor);
  await first.goto("/editor/issuers/tailspin-stable/attestations/new");
  const draftAsOf = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, day)).toISOString().slice(0, 10);
  await first.getByLabel("As-of date").fill(draftAsOf);
  await first.getByLabel("Firm").fill("Original Firm");
  await first.getByRole("button", { name: "Save as draft" }).click();
  await expect(first).toHaveURL(/\/editor\/attestations\/[a-z0-9]+$/);
  await expect(first.getByRole("heading", { level: 1 })).toContainText("draft");
  // Both open the draft afresh (Next keeps the page navigated away from, hidden, in the DOM).
  await first.goto(first.url());
  const second = await context.newPage();
  await second.goto(first.url());

  await first.getByLabel("Firm").fill("Firm saved first");
  await first.getByRole("button", { name: "Save draft" }).click();
  await expect(first.getByTestId("save-notice")).toContainText("Draft saved");

  await second.getByLabel("Standard followed").fill("ISAE 3000");
  await second.getByRole("button", { name: "Save draft" }).click();
  const conflict = second.getByTestId("conflict");
  await expect(conflict).toContainText(`saved by ${editor.name}`);
  await expect(conflict.getByTestId("conflict-change")).toHaveCount(1);
  await expect(conflict.getByTestId("conflict-change")).toContainText("Original Firm");
  await expect(conflict.getByTestId("conflict-change")).toContainText("Firm saved first");
  await conflict.getByRole("button", { name: "Discard my edits and load the current version" }).click();
  await expect(second.getByLabel("Firm")).toHaveValue("Firm saved first");
  await expect(second.getByLabel("Standard followed")).toHaveValue("");
  await context.close();
});
