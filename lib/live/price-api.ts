// The two price sources documented in live-sources.md, parsed exactly:
// - defillama-stablecoinprices: GET PRICE_API_URL (e.g. https://stablecoins.llama.fi/stablecoinprices)
//   → [{ "date": <unix s>, "prices": { "<geckoId>": 1.0003, … } }], one row per day;
// - coingecko-market-chart: GET PRICE_API_URL/coins/<geckoId>/market_chart?vs_currency=usd&days=<n>&interval=daily
//   (PRICE_API_URL e.g. https://api.coingecko.com/api/v3) → { "prices": [[<unix ms>, 1.0002], …] }.
// Numbers keep their exact text; a changed shape is refused with an error.
import { z } from "zod";

import { fromUtcDate } from "@/lib/domain/dates";

import type { PriceApiKind } from "./config";
import { decimalString, parseDecimal } from "./decimal";
import { parseJsonExact } from "./json-exact";

export interface DailyPrice {
  geckoId: string;
  /** YYYY-MM-DD (UTC) */
  date: string;
  priceUsd: string;
}

export type PriceParse = { ok: true; prices: DailyPrice[] } | { ok: false; error: string };

const num = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a plain number");

export function priceRequestUrl(kind: PriceApiKind, base: string, geckoId: string, days: number): string {
  if (kind === "defillama-stablecoinprices") return base;
  return `${base.replace(/\/$/, "")}/coins/${encodeURIComponent(geckoId)}/market_chart?vs_currency=usd&days=${days}&interval=daily`;
}

const isoDay = (ms: number) => fromUtcDate(new Date(ms));

function validPrice(p: string): boolean {
  const d = parseDecimal(p);
  return !!d && d.int > 0n && d.int < 10n * 10n ** BigInt(d.scale);
}

/** Prices rounded half-up to 10 decimal places (the column's scale), as decimal strings. */
function toScale10(p: string): string {
  const d = parseDecimal(p)!;
  if (d.scale <= 10) return decimalString(p);
  const div = 10n ** BigInt(d.scale - 10);
  const q = (d.int + div / 2n) / div;
  return decimalString(`${q / 10n ** 10n}.${(q % 10n ** 10n).toString().padStart(10, "0")}`);
}

export function parsePriceResponse(kind: PriceApiKind, body: string, geckoIds: string[]): PriceParse {
  let json: unknown;
  try {
    JSON.parse(body);
    json = parseJsonExact(body);
  } catch {
    return { ok: false, error: "the response is not JSON" };
  }
  const out: DailyPrice[] = [];
  if (kind === "defillama-stablecoinprices") {
    const parsed = z
      .array(z.object({ date: num, prices: z.record(z.string(), num) }))
      .min(1)
      .safeParse(json);
    if (!parsed.success)
      return { ok: false, error: `response changed: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}` };
    for (const row of parsed.data) {
      const date = isoDay(Number(row.date) * 1000);
      for (const id of geckoIds) {
        const p = row.prices[id];
        if (p === undefined) continue;
        if (!validPrice(p)) return { ok: false, error: `price ${p} for ${id} on ${date} is not between 0 and 10` };
        out.push({ geckoId: id, date, priceUsd: toScale10(p) });
      }
    }
  } else {
    const parsed = z.object({ prices: z.array(z.tuple([num, num])) }).safeParse(json);
    if (!parsed.success)
      return { ok: false, error: `response changed: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}` };
    const id = geckoIds[0] ?? "";
    const byDay = new Map<string, string>();
    for (const [ms, p] of parsed.data.prices) {
      if (!validPrice(p)) return { ok: false, error: `price ${p} is not between 0 and 10` };
      byDay.set(isoDay(Number(ms)), toScale10(p)); // the last point of a day wins (daily interval: one per day)
    }
    for (const [date, priceUsd] of byDay) out.push({ geckoId: id, date, priceUsd });
  }
  return { ok: true, prices: out };
}
