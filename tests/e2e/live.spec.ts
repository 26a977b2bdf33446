// Live signals on the issuer page. The readers themselves are tested against a
// real EVM node, a Tron-like endpoint and an in-process SVM (tests/integration/
// live-*.test.ts); here the page is given stored readings and prices, as a
// refresh and a price import leave them, and must show them, server-rendered,
// each with its age.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

import { e2eDatabaseUrl } from "./support/e2e-admin";

const root = path.resolve(__dirname, "..", "..");

async function expireLive(baseURL: string) {
  const record = JSON.parse(fs.readFileSync(path.join(root, ".data", `${process.env.USD1_E2E_RUN_NAME ?? "e2e"}.run.json`), "utf8")) as {
    revalidateToken: string;
  };
  const res = await fetch(`${baseURL}/api/internal/revalidate?tag=live`, {
    method: "POST",
    headers: { authorization: `Bearer ${record.revalidateToken}` },
  });
  expect(res.ok).toBe(true);
}

test("the issuer page shows supply by chain and the peg history as SVG in the first HTML, with the age of each live figure", async ({
  page,
  request,
  baseURL,
}) => {
  const client = new pg.Client({ connectionString: await e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows: deployments } = await client.query<{ id: string; issuer_id: string; chain: string; decimals: number }>(
      `SELECT d.id, d.issuer_id, d.chain, d.decimals FROM live_token_deployment d JOIN issuer i ON i.id = d.issuer_id WHERE i.slug = 'tether' AND d.chain IN ('ethereum', 'tron') ORDER BY d.chain`,
    );
    expect(deployments.map((d) => d.chain)).toEqual(["ethereum", "tron"]);
    const readAt = new Date(Date.now() - 7 * 60_000); // read seven minutes ago
    for (const [i, d] of deployments.entries()) {
      await client.query(
        `INSERT INTO live_reading (kind, issuer_id, target_id, metric, chain, block_number, raw, decimals, amount, endpoint_id, response_sha256, read_at)
         VALUES ('supply', $1, $2, 'total_supply', $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          d.issuer_id,
          d.id,
          d.chain,
          21_000_000 + i,
          String(BigInt(i === 0 ? 95_000_000_000 : 80_000_000_000) * 10n ** BigInt(d.decimals)),
          d.decimals,
          i === 0 ? "95000000000" : "80000000000",
          `rpc:${d.chain}`,
          "ab".repeat(32),
          readAt,
        ],
      );
    }
    // A week of daily prices with two days outside the band.
    const prices = ["1.0001", "0.9999", "0.9930", "0.9920", "0.9998", "1.0000", "1.0002"];
    for (const [i, p] of prices.entries()) {
      await client.query(
        `INSERT INTO live_price (issuer_id, token, date, price_usd, source) VALUES ($1, 'USDT', $2, $3, 'test import') ON CONFLICT DO NOTHING`,
        [deployments[0]!.issuer_id, `2026-11-${String(20 + i).padStart(2, "0")}`, p],
      );
    }
  } finally {
    await client.end();
  }
  await expireLive(baseURL!);

  // Without JavaScript: the first HTML already holds both charts as SVG.
  const html = await (await request.get("/en/issuers/tether")).text();
  expect(html).toContain('data-testid="supply-by-chain-svg"');
  expect(html).toContain('data-testid="peg-history-svg"');
  expect(html).toMatch(/<svg[^>]*data-testid="supply-by-chain-svg"/);

  await page.goto("/en/issuers/tether");
  const live = page.getByTestId("live-signals");
  await expect(live.getByTestId("supply-now")).toContainText("175B");
  const table = live.getByTestId("supply-by-chain");
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table).toContainText("block 21000000");
  await expect(table).toContainText(/7 minutes old|8 minutes old/);
  await expect(live.getByTestId("live-computed")).toContainText("computed");
  // the sustained run outside ±50 bp is shaded, the days listed with their deviation in bp
  await expect(live.locator('[data-testid="peg-history-svg"] rect')).toHaveCount(1);
  await expect(live.getByTestId("peg-table").locator("tbody tr")).toHaveCount(7);
  await expect(live.getByTestId("peg-table")).toContainText("-80");
  // readers with no endpoint configured say so, rather than showing zeros: every one of Tether's
  // chains that is off, and no other issuer's (USD1's abcore, plume, monad are not Tether's)
  const off = live.getByTestId("live-off");
  await expect(off.locator("p").first()).toContainText("on-chain reader for ethereum");
  // the settings that would turn them on are for the maintainer: folded away until asked for
  const settings = off.locator("details p");
  await expect(settings).toBeHidden();
  await off.locator("summary").click();
  await expect(settings).toBeVisible();
  await expect(settings).toContainText(/^set RPC_URL_/);
  for (const chain of ["ETHEREUM", "TRON", "SOLANA", "CELO"]) await expect(settings).toContainText(`RPC_URL_${chain}`);
  for (const chain of ["ABCORE", "PLUME", "MONAD"]) await expect(off).not.toContainText(`RPC_URL_${chain}`);
  // in Spanish, in Spanish words: only the setting's name is the same in every language
  await page.goto("/es/issuers/tether");
  await expect(page.getByTestId("live-off")).toContainText("lector en cadena de ethereum");
  await expect(page.getByTestId("live-off").locator("details p")).toContainText(/^definir RPC_URL_/);
  await expect(page.getByTestId("live-off")).not.toContainText("is not set");
  // the comparison table carries tokens now beside the last report, marked live, with when it was read
  await page.goto("/en");
  const row = page.getByTestId("issuer-row").filter({ hasText: "Tether" });
  await expect(row.getByTestId("live-supply")).toContainText("175B tokens now");
  await expect(row.getByTestId("live-supply")).toHaveAttribute("title", /oldest read .* UTC/);
});
