import nodePath from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const PAGES = [
  "/en",
  "/en/issuers/tether",
  "/es/issuers/northwind-dollar",
  "/pt/compare?issuers=tether,circle,contoso-cash",
  "/en/methodology",
  "/es/attestations",
  "/en/stress",
  "/en/learn",
  "/es/learn/types-of-backing",
  "/pt/learn/checklist/northwind-dollar",
  "/en/learn/glossary",
];

for (const path of PAGES) {
  for (const scheme of ["light", "dark"] as const) {
    test(`axe finds no serious or critical violation on ${path} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`,
        );
      expect(serious).toEqual([]);
    });
  }
}

test("screenshots of home, an issuer page and compare at 1280 and 390 px, light and dark", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  for (const width of [1280, 390]) {
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      for (const [name, path] of [
        ["home", "/"],
        ["issuer-tether", "/issuers/tether"],
        ["compare", "/compare?issuers=tether,circle,contoso-cash"],
      ] as const) {
        await page.goto(path, { waitUntil: "networkidle" });
        const file = nodePath.join(testInfo.project.outputDir, "screenshots", `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        // a page wider than the viewport would scroll sideways on a phone
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
      }
      await context.close();
    }
  }
});
