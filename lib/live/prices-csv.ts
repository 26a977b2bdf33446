// Daily price CSV: columns date, issuer, token, price_usd, source (header
// required, any order, extra columns refused). Every row is checked; any bad
// row refuses the whole file, naming its line and column: nothing partial.
import { CsvSyntaxError, parseCsv } from "@/lib/domain/import/read-csv";

import { decimalString, parseDecimal } from "./decimal";

export const PRICE_CSV_COLUMNS = ["date", "issuer", "token", "price_usd", "source"] as const;

export const PRICE_CSV_DOC: Record<(typeof PRICE_CSV_COLUMNS)[number], string> = {
  date: "calendar day of the price, YYYY-MM-DD (UTC), not in the future",
  issuer: "the issuer's slug, e.g. tether",
  token: "the token symbol, e.g. USDT",
  price_usd: "price in US dollars as a plain decimal (1.0002), greater than 0 and below 10; no exponent, no thousands separator",
  source: "where the price comes from, e.g. coingecko, defillama, or a URL",
};

export interface PriceRow {
  line: number;
  date: string;
  issuer: string;
  token: string;
  priceUsd: string;
  source: string;
}

export interface CsvProblem {
  line: number;
  column: string;
  message: string;
}

export type PriceCsvResult = { ok: true; rows: PriceRow[] } | { ok: false; problems: CsvProblem[] };

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function parsePriceCsv(input: string | Buffer, opts: { today: string; knownIssuers?: Set<string> }): PriceCsvResult {
  let parsed;
  try {
    parsed = parseCsv(input);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { ok: false, problems: [{ line: err.line, column: "(row)", message: err.message }] };
    throw err;
  }
  const problems: CsvProblem[] = [];
  const headers = parsed.headers;
  for (const c of PRICE_CSV_COLUMNS) if (!headers.includes(c)) problems.push({ line: 1, column: c, message: `missing column "${c}"` });
  for (const h of headers)
    if (!(PRICE_CSV_COLUMNS as readonly string[]).includes(h))
      problems.push({ line: 1, column: h, message: `unknown column "${h}" (expected ${PRICE_CSV_COLUMNS.join(", ")})` });
  if (problems.length) return { ok: false, problems };
  if (parsed.rows.length === 0) return { ok: false, problems: [{ line: 2, column: "(row)", message: "the file has no rows" }] };

  const rows: PriceRow[] = [];
  const seen = new Map<string, number>();
  parsed.rows.forEach((row, i) => {
    const line = parsed.lines[i] ?? i + 2;
    const cell = (c: string) => (row[c] ?? "").trim();
    const date = cell("date");
    const issuer = cell("issuer");
    const token = cell("token");
    const price = cell("price_usd");
    const source = cell("source");
    let bad = false;
    const problem = (column: string, message: string) => {
      problems.push({ line, column, message });
      bad = true;
    };
    if (!validDate(date)) problem("date", `"${date}" is not a date YYYY-MM-DD`);
    else if (date > opts.today) problem("date", `${date} is in the future`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(issuer)) problem("issuer", `"${issuer}" is not an issuer slug`);
    else if (opts.knownIssuers && !opts.knownIssuers.has(issuer)) problem("issuer", `no issuer "${issuer}"`);
    if (!/^[A-Za-z0-9.]{1,16}$/.test(token)) problem("token", `"${token}" is not a token symbol`);
    const d = parseDecimal(price);
    if (!d) problem("price_usd", `"${price}" is not a plain decimal number`);
    else if (d.int <= 0n) problem("price_usd", `${price} is not greater than 0`);
    else if (d.int >= 10n * 10n ** BigInt(d.scale)) problem("price_usd", `${price} is not below 10 (a dollar stablecoin's price in USD)`);
    else if (d.scale > 10) problem("price_usd", `${price} has more than 10 decimal places`);
    if (!source) problem("source", "the source is empty");
    else if (source.length > 500) problem("source", "the source is longer than 500 characters");
    if (bad) return;
    const key = `${issuer}|${token}|${date}|${source}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line, column: "date", message: `a second price for ${token} on ${date} from ${source} (first on line ${earlier})` });
      return;
    }
    seen.set(key, line);
    rows.push({ line, date, issuer, token, priceUsd: decimalString(price), source });
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
