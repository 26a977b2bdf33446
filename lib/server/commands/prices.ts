import "server-only";

// Daily prices from a CSV file (columns date, issuer, token, price_usd, source;
// see /data): every row checked, refused by line and column, all rows or none.
// A sustained depeg in the stored series opens (or extends) one draft stress
// event for editors; nothing is published.
//
// The one write not built with defineCommand: importPriceCsv
// (lib/server/live/prices.ts, shared with the price API poller) opens its own
// transaction and runs the depeg detector after it, so it cannot run inside
// the wrapper's. Its steps are the wrapper's, by hand and in the same order,
// except that the audit entry commits just after the prices rather than with
// them. Folding it in needs importPriceCsv to take a transaction client.
import type { PackProblem } from "@/lib/domain/import/public-pack";
import { firstNonUtf8Line } from "@/lib/domain/import/read-csv";
import { requireRole } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { importPriceCsv, type PriceImportResult } from "@/lib/server/live/prices";
import { LIVE_TAG } from "@/lib/server/queries/live";

import { writeAudit } from "./define";
import { WRITE_TX, type Written } from "./shared";

export type PriceImport = Extract<PriceImportResult, { ok: true }> | { ok: false; problems: PackProblem[] };

const FILE = "prices.csv";

/** `readFile` is called only once the role check has passed: an anonymous caller cannot make us read the upload. */
export async function importPrices(readFile: () => Promise<Buffer>): Promise<Written<PriceImport>> {
  const user = await requireRole("editor");
  const bytes = await readFile();
  const bad = firstNonUtf8Line(bytes);
  if (bad !== null) {
    const problem = { file: FILE, line: bad, column: "(row)", message: 'the file is not UTF-8 text: save it again as "CSV UTF-8"' };
    return { data: { ok: false, problems: [problem] }, tags: [] };
  }
  const result = await importPriceCsv(db(), bytes);
  if (!result.ok) return { data: { ok: false, problems: result.problems.map((p) => ({ file: FILE, ...p })) }, tags: [] };
  const entry = {
    action: "import",
    entityType: "price_series",
    entityId: FILE,
    after: { stored: result.stored, drafts: result.drafts.length },
    reason: "price CSV import",
  };
  await db().$transaction((tx) => writeAudit(tx, user, [entry], "price import"), WRITE_TX);
  return { data: result, tags: [LIVE_TAG] };
}
