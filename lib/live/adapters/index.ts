// Issuer transparency adapters: the raw body of an issuer's endpoint → the
// figures it states ("issuer-stated, not assured"). Each adapter checks the
// response's shape with zod and its own consistency rules; anything changed
// or broken is refused with an error, never turned into a number.
import { z } from "zod";

import { addDec, compareDec, formatDecimal, jsonNumberToDecimal, parseDecimal, shiftDec, subDec, type Dec } from "../decimal";
import { parseJsonExact } from "../json-exact";

export interface IssuerFigure {
  /** e.g. total_assets, total_liabilities, issued:ethereum, total_supply, supply:XLM */
  metric: string;
  /** Exact decimal string, in the unit the metric's name says (USD or tokens). */
  amount: string;
  /** The time the issuer gives for the figure, when it gives one. */
  sourceAsOf: Date | null;
}

export type AdapterResult = { ok: true; figures: IssuerFigure[] } | { ok: false; error: string };

export interface TransparencyAdapter {
  name: string;
  /** What the endpoint returns, for the status page. */
  describes: string;
  parse(body: string): AdapterResult;
}

const numberish = z.union([z.string(), z.number()]);

function dec(value: string | number, where: string): Dec {
  const text = typeof value === "number" ? jsonNumberToDecimal(value) : value.trim();
  const d = text === null ? null : parseDecimal(text);
  if (!d) throw new AdapterError(`${where} is not a plain decimal number: ${JSON.stringify(value)}`);
  return d;
}

class AdapterError extends Error {}

function zodProblem(err: z.ZodError): string {
  const first = err.issues[0];
  return first ? `response changed: ${first.path.join(".") || "(root)"}: ${first.message}` : "response changed";
}

function parseJson(body: string): unknown {
  try {
    // Numbers kept as their exact text (strings): never a double in between.
    JSON.parse(body);
    return parseJsonExact(body);
  } catch {
    throw new AdapterError("the response is not JSON");
  }
}

function run(fn: () => IssuerFigure[]): AdapterResult {
  try {
    return { ok: true, figures: fn() };
  } catch (err) {
    if (err instanceof AdapterError) return { ok: false, error: err.message };
    if (err instanceof z.ZodError) return { ok: false, error: zodProblem(err) };
    throw err;
  }
}

// --- 3.1 Tether transparency.json ------------------------------------------------
const tetherSchema = z.object({
  data_formatted: z
    .array(
      z.object({
        id: z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,11}$/, "expected a Unix time in seconds")]),
        iso: z.string(),
        total_assets: numberish,
        total_liabilities: numberish,
        shareholder_eq: numberish,
        blockChains: z
          .array(z.object({ name: z.string().min(1), totalAuthorized: numberish, notIssued: numberish, quarantined: numberish }))
          .min(1),
      }),
    )
    .min(1),
});

export const tetherTransparency: TransparencyAdapter = {
  name: "tether-transparency-json",
  describes: "Tether transparency.json: USDT total assets and liabilities, and issued tokens per chain (authorized − not issued)",
  parse: (body) =>
    run(() => {
      const parsed = tetherSchema.parse(parseJson(body));
      const usdt = parsed.data_formatted.filter((e) => e.iso === "usdt");
      if (usdt.length !== 1) throw new AdapterError(`expected one data_formatted entry with iso "usdt", found ${usdt.length}`);
      const e = usdt[0]!;
      // `id` is the snapshot time in Unix seconds (1783555140 = 2026-07-08 23:59 UTC).
      const asOf = new Date(Number(e.id) * 1000);
      const assets = dec(e.total_assets, "total_assets");
      const liabilities = dec(e.total_liabilities, "total_liabilities");
      const equity = dec(e.shareholder_eq, "shareholder_eq");
      if (assets.int <= 0n || liabilities.int <= 0n) throw new AdapterError("total_assets and total_liabilities must be positive");
      // The three must agree (to the cent): assets − liabilities = shareholders' equity.
      const gap = subDec(subDec(assets, liabilities), equity);
      if (compareDec({ int: gap.int < 0n ? -gap.int : gap.int, scale: gap.scale }, { int: 1n, scale: 2 }) > 0)
        throw new AdapterError("total_assets − total_liabilities differs from shareholder_eq: refused");
      const figures: IssuerFigure[] = [
        { metric: "total_assets_usd", amount: formatDecimal(assets), sourceAsOf: asOf },
        { metric: "total_liabilities_usd", amount: formatDecimal(liabilities), sourceAsOf: asOf },
        { metric: "shareholder_equity_usd", amount: formatDecimal(equity), sourceAsOf: asOf },
      ];
      let issuedTotal: Dec = { int: 0n, scale: 0 };
      const names = new Set<string>();
      for (const c of e.blockChains) {
        const key = c.name
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-");
        if (names.has(key)) throw new AdapterError(`chain "${c.name}" is listed twice`);
        names.add(key);
        const issued = subDec(dec(c.totalAuthorized, `${c.name}.totalAuthorized`), dec(c.notIssued, `${c.name}.notIssued`));
        if (issued.int < 0n) throw new AdapterError(`${c.name}: notIssued exceeds totalAuthorized`);
        issuedTotal = addDec(issuedTotal, issued);
        figures.push({ metric: `issued:${key}`, amount: formatDecimal(issued), sourceAsOf: asOf });
        const q = dec(c.quarantined, `${c.name}.quarantined`);
        if (q.int !== 0n) figures.push({ metric: `quarantined:${key}`, amount: formatDecimal(q), sourceAsOf: asOf });
      }
      figures.push({ metric: "issued_total", amount: formatDecimal(issuedTotal), sourceAsOf: asOf });
      return figures;
    }),
};

// --- 3.2b Circle GET /v1/stablecoins ------------------------------------------------
const decimalText = z.string().regex(/^\d+(\.\d+)?$/, "expected a decimal string");
const circleApiSchema = z.object({
  data: z
    .array(
      z.object({
        symbol: z.string(),
        totalAmount: decimalText.optional(),
        chains: z.array(z.object({ chain: z.string().min(1), amount: decimalText })),
      }),
    )
    .min(1),
});

export const circleSupplyApi: TransparencyAdapter = {
  name: "circle-supply-api",
  describes: "Circle /v1/stablecoins: USDC supply in total and per chain (supply only, no reserves)",
  parse: (body) =>
    run(() => {
      const parsed = circleApiSchema.parse(parseJson(body));
      const usdc = parsed.data.filter((d) => d.symbol === "USDC");
      if (usdc.length !== 1) throw new AdapterError(`expected one entry with symbol "USDC", found ${usdc.length}`);
      const u = usdc[0]!;
      if (u.totalAmount === undefined) throw new AdapterError("response changed: data[USDC].totalAmount is missing");
      const total = dec(u.totalAmount, "totalAmount");
      const figures: IssuerFigure[] = [{ metric: "total_supply", amount: formatDecimal(total), sourceAsOf: null }];
      let sum: Dec = { int: 0n, scale: 0 };
      for (const c of u.chains) {
        const a = dec(c.amount, `${c.chain}.amount`);
        sum = addDec(sum, a);
        figures.push({ metric: `supply:${c.chain.toUpperCase()}`, amount: formatDecimal(a), sourceAsOf: null });
      }
      if (compareDec(sum, total) > 0) throw new AdapterError("the per-chain amounts add up to more than totalAmount: refused");
      return figures;
    }),
};

// --- 3.2 Circle transparency HTML ------------------------------------------------------
const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? (m[1] ?? null) : null;
}

function tagWithId(html: string, element: string, id: string): string | null {
  const re = new RegExp(`<${element}\\b[^>]*\\bid="${id}"[^>]*>`, "i");
  return re.exec(html)?.[0] ?? null;
}

/** Attribute meaning per the fixture header of 2026-10-01 (live-sources.md 3.2); re-check against the live page. */
const USDC_BUCKETS = [
  ["data-usdc-months", "reserves_treasuries_usd"],
  ["data-usdc-us-treasuries", "reserves_treasury_repo_usd"],
  ["data-usdc-cash", "reserves_sifi_deposits_usd"],
  ["data-usdc-in-circulation", "reserves_other_usd"],
] as const;

export const circleTransparencyHtml: TransparencyAdapter = {
  name: "circle-transparency-html",
  describes: "Circle's transparency page: USDC in circulation and reserve buckets (USD billions on the page), with its 'As of' date",
  parse: (body) =>
    run(() => {
      const span = tagWithId(body, "span", "usdc-in-circulation");
      const canvas = tagWithId(body, "canvas", "usdc_chartjs_canvas");
      if (!span || !canvas) throw new AdapterError("layout changed: usdc-in-circulation or usdc_chartjs_canvas not found");
      const pointText = attr(span, "data-point");
      if (pointText === null) throw new AdapterError("layout changed: data-point missing on usdc-in-circulation");
      const point = dec(pointText, "data-point");
      const buckets: [string, Dec][] = [];
      for (const [name, metric] of USDC_BUCKETS) {
        const v = attr(canvas, name);
        if (v === null) throw new AdapterError(`layout changed: ${name} missing on usdc_chartjs_canvas`);
        buckets.push([metric, dec(v, name)]);
      }
      const sum = buckets.reduce<Dec>((acc, [, d]) => addDec(acc, d), { int: 0n, scale: 0 });
      // Absolute USD billions when the buckets add up to within 3% of circulation; anything else
      // (percentages, a changed binding) is refused rather than guessed.
      const diff = subDec(sum, point);
      const absDiff = { int: diff.int < 0n ? -diff.int : diff.int, scale: diff.scale };
      const tolerance = { int: point.int * 3n, scale: point.scale + 2 };
      if (compareDec(absDiff, tolerance) > 0)
        throw new AdapterError(
          `the reserve buckets add up to ${formatDecimal(sum)}, not within 3% of ${formatDecimal(point)} in circulation: layout or meaning changed`,
        );
      // "As of Sep 24, 2026" near the canvas.
      const at = body.indexOf(canvas);
      const window = body.slice(Math.max(0, at - 1500), at + canvas.length + 1500);
      const m = /As of\s+([A-Z][a-z]{2})[a-z]*\.?\s+(\d{1,2}),\s+(\d{4})/.exec(window);
      const month = m ? MONTHS[(m[1] ?? "").toLowerCase()] : undefined;
      if (!m || month === undefined) throw new AdapterError("layout changed: no 'As of' date near the USDC chart");
      const asOf = new Date(Date.UTC(Number(m[3]), month, Number(m[2])));
      const usd = (d: Dec) => formatDecimal(shiftDec(d, 9));
      return [
        { metric: "usdc_in_circulation_usd", amount: usd(point), sourceAsOf: asOf },
        ...buckets.map(([metric, d]) => ({ metric, amount: usd(d), sourceAsOf: asOf })),
        { metric: "reserves_total_usd", amount: usd(sum), sourceAsOf: asOf },
      ];
    }),
};

export const ADAPTERS: Record<string, TransparencyAdapter> = Object.fromEntries(
  [tetherTransparency, circleSupplyApi, circleTransparencyHtml].map((a) => [a.name, a]),
);
