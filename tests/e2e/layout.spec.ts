// The report table and the comparison table laid out for reading at phone,
// desktop and wide widths: no two pieces of text overlap, no date breaks over
// two lines, no figure in a number cell wraps, the comparison table fits a 1280 px
// window without scrolling, and no chart label runs into another.
import { expect, test, type Page } from "@playwright/test";

const WIDTHS = [360, 1280, 1920];

/** Text boxes (one per line of each text node) inside the table, with the cell each belongs to. */
async function overlaps(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((table) => {
    const boxes: { cell: Element; rect: DOMRect; text: string }[] = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (!text) continue;
      const el = node.parentElement!;
      // Hidden text (closed details, visually hidden captions, tooltips) has no box a reader sees.
      if (el.closest("details:not([open]) > :not(summary)") || el.closest(".skip") || el.closest("[role=tooltip]")) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects())
        if (rect.width > 0 && rect.height > 0) boxes.push({ cell: el.closest("td, th")!, rect, text: text.slice(0, 30) });
    }
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.cell === b.cell) continue;
        const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (x > 1 && y > 1) found.push(`"${a.text}" overlaps "${b.text}"`);
      }
    }
    return found.slice(0, 10);
  });
}

/** Dates shown on more than one line: <time> elements, and ISO dates written in plain text. */
async function brokenDates(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((table) => {
    const broken: string[] = [];
    const lines = (r: Range) => new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (el.closest("details:not([open]) > :not(summary)") || el.closest(".skip") || el.closest("[role=tooltip]")) continue;
      for (const m of (node.textContent ?? "").matchAll(/\d{4}-\d{2}(-\d{2})?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (lines(range) > 1) broken.push(m[0]);
      }
    }
    for (const t of table.querySelectorAll("time")) {
      const range = document.createRange();
      range.selectNodeContents(t);
      if (lines(range) > 1) broken.push(t.textContent ?? "");
    }
    return broken;
  });
}

/** Figures in number cells (the text written directly in a td.num) shown on more than one line. */
async function brokenFigures(page: Page): Promise<string[]> {
  return page.locator("main").evaluate((main) => {
    const broken: string[] = [];
    for (const cell of main.querySelectorAll("td.num")) {
      if (cell.closest("details:not([open])")) continue;
      for (const node of cell.childNodes) {
        const text = node.nodeType === Node.TEXT_NODE ? node.textContent?.trim() : undefined;
        if (!text) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
        if (lines > 1) broken.push(text);
      }
    }
    return broken.slice(0, 10);
  });
}

for (const width of WIDTHS) {
  test(`at ${width} px, the report table and the comparison table have no overlapping text, no broken date and no figure over two lines`, async ({
    browser,
  }) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto("/en/issuers/tether");
    const reports = "table.attestations";
    await expect(page.locator(reports)).toBeVisible();
    expect(await overlaps(page, reports)).toEqual([]);
    expect(await brokenDates(page, reports)).toEqual([]);
    expect(await page.locator("main td.num").count()).toBeGreaterThan(20);
    expect(await brokenFigures(page), "figures in the issuer page's tables").toEqual([]);
    await page.goto("/en");
    const comparison = "table.comparison";
    await expect(page.locator(comparison)).toBeVisible();
    expect(await overlaps(page, comparison)).toEqual([]);
    expect(await brokenDates(page, comparison)).toEqual([]);
    if (width >= 1280) {
      const scroll = await page
        .locator(".table-scroll", { has: page.locator(comparison) })
        .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(scroll.scroll, "the comparison table needs no horizontal scroll").toBeLessThanOrEqual(scroll.client);
    }
    await page.close();
  });
}

/**
 * Chart texts (legend and axis labels) that run into another text or into a legend swatch, in one
 * chart opened as its own document at its intrinsic size (pages show it as an <img>, scaled evenly).
 */
async function chartOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = [...document.querySelectorAll("text")].map((t) => ({
      rect: t.getBoundingClientRect(),
      what: `"${(t.textContent ?? "").slice(0, 30)}"`,
    }));
    // Legend swatches: small marks about one text line high.
    const swatches = [...document.querySelectorAll("path, rect")]
      .map((p) => ({ rect: p.getBoundingClientRect(), what: "a legend swatch" }))
      .filter((s) => s.rect.width > 2 && s.rect.width <= 30 && s.rect.height > 2 && s.rect.height <= 14);
    const boxes = [...text, ...swatches].filter((b) => b.rect.width > 0);
    const found: string[] = [];
    for (let i = 0; i < text.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.rect;
        const b = boxes[j]!.rect;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) found.push(`${boxes[i]!.what} runs into ${boxes[j]!.what}`);
      }
    return found.slice(0, 10);
  });
}

test("no chart's legend or axis label runs into another label or a legend swatch", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Each chart's wide drawing (the <img>) and its phone drawing (the <source> beside it), on an issuer page and
  // on the compare page (other scales, shared by the issuers compared).
  const charts: { src: string; width: number; height: number }[] = [];
  for (const path of ["/en/issuers/tether", "/en/compare?issuers=tether,circle"]) {
    await page.goto(path);
    const found = await page.locator("img[src^='/charts/'], source[srcset^='/charts/']").evaluateAll((els) =>
      els.map((e) => ({
        src: e.getAttribute("src") ?? e.getAttribute("srcset")!,
        width: Number(e.getAttribute("width")),
        height: Number(e.getAttribute("height")),
      })),
    );
    expect(found.length, path).toBeGreaterThanOrEqual(8);
    expect(found.filter((c) => c.src.includes("size=narrow")).length, path).toBe(found.length / 2);
    charts.push(...found);
  }
  for (const chart of charts) {
    await page.setViewportSize({ width: chart.width, height: chart.height });
    await page.goto(chart.src);
    expect(await page.locator("text").count(), chart.src).toBeGreaterThan(10);
    expect(await chartOverlaps(page), chart.src).toEqual([]);
  }
  await page.close();
});

test("a phone shows each chart drawn at its width, its text at about the size it was drawn at; a desktop the wide one", async ({
  browser,
}) => {
  for (const [width, narrow] of [
    [360, true],
    [1280, false],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto("/en/issuers/tether");
    const images = page.locator("figure.chart-figure img");
    expect(await images.count()).toBeGreaterThanOrEqual(4);
    for (const img of await images.all()) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.currentSrc !== "")).toBe(true);
      const shown = await img.evaluate((i: HTMLImageElement) => ({ src: i.currentSrc, width: i.getBoundingClientRect().width }));
      expect(shown.src.includes("size=narrow"), `${width} px: ${shown.src}`).toBe(narrow);
      // Shown at 0.85 times the drawing's width or more: its 12 px text stays at 10 px or more on screen.
      expect(shown.width / (narrow ? 360 : 640), `${width} px: ${shown.src}`).toBeGreaterThan(0.85);
    }
    // The live chart that replaces a static one on interaction is the same drawing.
    const live = page.locator("figure.chart-figure .chart-interactive").first();
    const option = page.waitForRequest((r) => /\/charts\/issuers\/tether\/[\w-]+\.json/.test(r.url()));
    await live.scrollIntoViewIfNeeded();
    await live.hover();
    expect((await option).url().includes("size=narrow")).toBe(narrow);
    await expect(live.locator("> div[aria-hidden='true']")).toHaveCount(1);
    const drawn = await live
      .locator("svg")
      .last()
      .evaluate((svg) => svg.getAttribute("width"));
    expect(drawn).toBe(narrow ? "360" : "640");
    await page.close();
  }
});

test("every page links an icon of ours, and /favicon.ico answers it", async ({ page, request }) => {
  await page.goto("/en/about");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/icon/);
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("the site's links are prefetched on a reader's intent, not on every page view", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("_rsc=")) prefetched.push(new URL(r.url()).pathname);
  });
  await page.goto("/en/about");
  await page.waitForLoadState("networkidle");
  // Before: each of the header's eight pages was fetched here, on every page view.
  expect(prefetched).toEqual([]);

  const stress = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stress history", exact: true });
  await stress.hover();
  await expect.poll(() => prefetched).toContain("/en/stress");
  expect(prefetched.every((p) => p === "/en/stress")).toBe(true);
  await stress.click();
  await expect(page).toHaveURL(/\/en\/stress$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
