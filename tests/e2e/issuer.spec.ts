import { expect, test } from "@playwright/test";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an issuer page's charts are server-rendered SVG in the initial HTML, each linked to its data table", async ({ page, request }) => {
    await page.goto("/issuers/northwind-dollar");
    const images = page.locator("figure.chart-figure img");
    await expect(images).toHaveCount(4);
    for (const img of await images.all()) {
      const alt = await img.getAttribute("alt");
      expect(alt?.length).toBeGreaterThan(40);
      const res = await request.get((await img.getAttribute("src"))!);
      expect(res.headers()["content-type"]).toContain("image/svg+xml");
      const svg = await res.text();
      expect(svg).toContain("<svg");
      expect(svg).toMatch(/role="img"/);
    }
    // The tables live on the issuer's history page (the issuer page stays small however long the history):
    // each figure links to its own table there, and each table has a row per report.
    const links = page.locator("figure.chart-figure .chart-data-link a");
    await expect(links).toHaveCount(4);
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
    expect(new Set(hrefs.map((h) => h.split("#")[1])).size).toBe(4);
    await page.goto(hrefs[0]!);
    for (const href of hrefs) {
      const table = page.locator(`#${href.split("#")[1]} table`);
      await expect(table).toHaveCount(1);
      await expect(table.locator("tbody tr")).not.toHaveCount(0);
    }
  });
});

test("a demo issuer's page shows the demo label, the overdue judgement, the reports and their history", async ({ page }) => {
  await page.goto("/issuers/northwind-dollar");
  await expect(page.getByTestId("issuer-demo-label")).toBeVisible();
  await expect(page.getByTestId("cadence-status")).toBeVisible();
  // the issuer page lists the latest four and links to the history page, which lists them all
  await expect(page.getByTestId("attestation-row")).toHaveCount(4);
  await page.getByTestId("all-reports").getByRole("link").click();
  await expect(page).toHaveURL(/\/issuers\/northwind-dollar\/history$/);
  const rows = page.getByTestId("attestation-row");
  expect(await rows.count()).toBeGreaterThan(40);
  // the demo set corrects one Northwind report: its earlier figures stay visible
  const revised = rows.filter({ hasText: "revised" });
  await expect(revised).toHaveCount(1);
  await revised.locator("summary").click();
  await expect(revised).toContainText("Transposed digits");
});

test("a three-issuer compare view renders with shared charts and their text alternatives", async ({ page }) => {
  await page.goto("/compare?issuers=tether,circle,contoso-cash");
  await expect(page.locator("table.compare thead th")).toHaveCount(3);
  const figures = page.locator("figure.chart-figure");
  expect(await figures.count()).toBeGreaterThanOrEqual(6);
  for (const f of await figures.all()) {
    await expect(f.locator("details table")).toHaveCount(1);
    // Each chart is a file of its own (inline, each SVG travelled twice: in the HTML and in the RSC payload).
    const img = f.locator("img");
    expect((await img.getAttribute("alt"))?.length).toBeGreaterThan(40);
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    // Three issuers side by side get columns under 400 px at 1280: the drawing made for that width.
    expect(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).toContain("size=narrow");
  }
  await expect(page.locator("figure.chart-figure svg")).toHaveCount(0);

  // In each chart's row, the issuers' drawings and data tables start level, however their captions wrap: at 1000 px
  // "… Contoso Cash (demo)" takes two lines where "… Tether" takes one.
  await page.setViewportSize({ width: 1000, height: 900 });
  for (const grid of await page.locator(".compare-grid").all()) {
    const captionHeights = await grid.locator("figcaption strong").evaluateAll((els) => els.map((e) => e.getClientRects().length));
    const tops = (selector: string) =>
      grid.locator(selector).evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(await tops("figure img")).size, `images of a row whose captions take ${captionHeights} lines`).toBe(1);
    expect(new Set(await tops("figure details")).size).toBe(1);
  }
});

test("a chart goes live when the reader points at it: ECharts and the chart's option arrive then, not with the page", async ({ page }) => {
  const optionRequests: string[] = [];
  page.on("request", (r) => {
    if (/\/charts\/issuers\/[^/]+\/[\w-]+\.json/.test(r.url())) optionRequests.push(r.url());
  });
  await page.goto("/en/issuers/northwind-dollar");
  const html = await (await page.request.get("/en/issuers/northwind-dollar", { headers: { accept: "text/html" } })).text();
  // Neither in the HTML nor in the RSC payload (where its quotes are escaped).
  expect(html, "the option is not in the page").not.toMatch(/\\?"series\\?"/);
  const chart = page.locator("figure.chart-figure .chart-interactive").first();
  await expect(chart).toBeVisible();
  expect(optionRequests).toEqual([]);
  await chart.hover();
  // The live chart is drawn over the static one, which is then hidden from assistive technology.
  await expect(chart.locator("> div[aria-hidden='true']")).toHaveCount(1);
  await expect(chart.locator("svg").last()).toBeVisible();
  expect(optionRequests).toHaveLength(1);
  const option = await (await page.request.get(optionRequests[0]!)).json();
  expect(option.series.length).toBeGreaterThan(0);
});
