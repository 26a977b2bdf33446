// The Learn section and the three languages in a real browser: every guide in
// every language, the language switcher keeping the page, the checklist
// answered for a demo issuer, and glossary definitions on hover and focus.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const LOCALES = ["en", "es", "pt"] as const;
const SLUGS = [
  "what-backing-means",
  "types-of-backing",
  "how-reserves-are-held",
  "transparency",
  "remaining-risks",
  "evaluating-an-issuer",
  "rules-by-region",
  "faq",
];
const content = (...p: string[]) => readFileSync(path.join(process.cwd(), "content", ...p), "utf8");
const titleOf = (locale: string, slug: string) => content("learn", locale, `${slug}.md`).split("\n")[0]!.replace(/^# /, "").trim();
/** A message key shown instead of its text (next-intl's fallback for a missing message). */
const RAW_KEY = /\b(learn|layout|common|taxonomy|home|issuer|methodology)\.[a-zA-Z]+(\.[a-zA-Z]+)*\b/;

test.describe("every Learn page renders in each language", () => {
  for (const locale of LOCALES) {
    test(`${locale}: index, eight guides, glossary and checklist`, async ({ page }) => {
      const index = JSON.parse(content("learn", locale, "index.json")) as { title: string; glossaryTitle: string; checklistTitle: string };
      await page.goto(`/${locale}/learn`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(index.title);
      await expect(page.getByTestId("learn-guides").locator("li")).toHaveCount(SLUGS.length);
      for (const slug of SLUGS) {
        const res = await page.goto(`/${locale}/learn/${slug}`);
        expect(res?.status(), slug).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(titleOf(locale, slug));
        const text = (await page.locator("main").textContent()) ?? "";
        expect(text, `${locale}/${slug} shows a raw message key`).not.toMatch(RAW_KEY);
        // live blocks hold data from the database (or say none matches), never an empty frame
        for (const block of await page.locator("[data-live]").all()) {
          await expect(block.locator("tbody tr, p.sub").first()).toBeVisible();
        }
      }
      await page.goto(`/${locale}/learn/glossary`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(index.glossaryTitle);
      const glossary = JSON.parse(content("glossary", `${locale}.json`)) as Record<string, { term: string }>;
      await expect(page.getByTestId("glossary").locator("dt")).toHaveCount(Object.keys(glossary).length);
      await page.goto(`/${locale}/learn/checklist`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(index.checklistTitle);
    });
  }

  test("live blocks show current figures from the database with precision marks", async ({ page }) => {
    await page.goto("/en/learn/what-backing-means");
    const coverage = page.locator('[data-live="coverage"]');
    await expect(coverage).toBeVisible();
    await expect(coverage.getByRole("link", { name: "Tether" })).toBeVisible();
    await expect(coverage.locator("tbody")).toContainText(/[≥≈]?\s?\d+\.\d%/);
    // every figure links to the report it was read from (the date cell)
    const tetherRow = coverage.locator("tbody tr", { has: page.getByRole("link", { name: "Tether" }) });
    await expect(tetherRow.locator("td a[href^='http']")).toHaveCount(1);
    await page.goto("/es/learn/types-of-backing");
    // Spanish numbers: the same figures, written for a Spanish reader
    await expect(page.locator('[data-live="mostly-treasury-bills"] tbody tr').first()).toContainText("%");
  });
});

test("switching language keeps the page, and the query", async ({ page }) => {
  await page.goto("/en/learn/transparency");
  await page.getByTestId("lang-es").click();
  await expect(page).toHaveURL(/\/es\/learn\/transparency$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(titleOf("es", "transparency"));

  await page.goto("/en/issuers/tether");
  await page.getByTestId("lang-pt").click();
  await expect(page).toHaveURL(/\/pt\/issuers\/tether$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "pt");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tether");

  await page.goto("/en?sort=coverage&dir=desc");
  await page.getByTestId("lang-es").click();
  await expect(page).toHaveURL(/\/es\?sort=coverage&dir=desc$/);
  await expect(page.getByTestId("lang-en")).toHaveAttribute("href", "/en");
});

test("/ sends a reader to their language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "pt-BR" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/pt$/);
  await context.close();
});

test("the checklist answers each question for a demo issuer from its data, 'not disclosed' where silent", async ({ page }) => {
  await page.goto("/en/learn/checklist");
  await page.getByLabel("Issuer").selectOption("northwind-dollar");
  await page.getByRole("button", { name: "Show answers" }).click();
  await expect(page).toHaveURL(/\/en\/learn\/checklist\/northwind-dollar$/);
  await expect(page.getByTestId("issuer-demo-label")).toBeVisible();
  const items = page.getByTestId("checklist").locator(":scope > li");
  await expect(items).toHaveCount(10);
  await expect(items.nth(0)).toContainText(/\d+ published reports?, as of dates from \d{4}-\d{2}/);
  await expect(page.locator('[data-question="coverage"]')).toContainText(/of tokens outstanding as of \d{4}-\d{2}-\d{2}/);
  await expect(page.locator('[data-question="coverage"]').getByRole("link", { name: /^Source: report as of/ })).toBeVisible();
  await expect(page.locator('[data-question="composition"]')).toContainText("Largest categories as of");
  // every question has an answer or says the data does not disclose it
  for (const item of await items.all()) {
    await expect(item.locator(".checklist-facts li, [data-testid=not-disclosed]").first()).toBeVisible();
  }
  // the same answers in Spanish
  await page.getByTestId("lang-es").click();
  await expect(page).toHaveURL(/\/es\/learn\/checklist\/northwind-dollar$/);
  await expect(page.locator('[data-question="composition"]')).toContainText("Categorías principales al");
});

test("a glossary definition appears on hover and on keyboard focus, and Escape hides it", async ({ page }) => {
  const glossary = JSON.parse(content("glossary", "en.json")) as Record<string, { definition: string }>;
  await page.goto("/en/learn/transparency");
  const term = page.locator(".term").first();
  const key = (await term.getAttribute("data-term"))!;
  const tip = term.getByRole("tooltip");
  await expect(tip).toBeHidden();
  await term.getByRole("button").hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(glossary[key]!.definition);
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();

  // keyboard: Tab until the term's button has focus
  await page.locator("h1").click();
  const button = term.getByRole("button");
  for (let i = 0; i < 40 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(button).toBeFocused();
  await expect(tip).toBeVisible();
  // its definition is the button's accessible description
  const describedBy = await button.getAttribute("aria-describedby");
  expect(describedBy).toBe(await tip.getAttribute("id"));
  await page.keyboard.press("Escape");
  await expect(tip).toBeHidden();
  await expect(button).toBeFocused();
});
