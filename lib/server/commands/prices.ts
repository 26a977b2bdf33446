import "server-only";

// Daily prices from a CSV file (columns date, issuer, token, price_usd, source;
// see /data): every row checked, refused by line and column, all rows or none.
// A sustained depeg in the stored series opens (or extends) one draft stress
// event for editors, in the same transaction as the prices; nothing is published.
import { z } from "zod";

import type { PackProblem } from "@/lib/domain/import/public-pack";
import { firstNonUtf8Line } from "@/lib/domain/import/read-csv";
import { importPriceCsvIn, PRICE_IMPORT_TX, type PriceImportResult } from "@/lib/server/live/prices";
import { TAGS } from "@/lib/server/queries/tags";

import { defineCommand, type Outcome } from "./define";

export type PriceImport = Extract<PriceImportResult, { ok: true }> | { ok: false; problems: PackProblem[] };

const FILE = "prices.csv";

/** The body is the file's bytes, read (by the route) only once the role check has passed. */
export const importPrices = defineCommand({
  name: "price import",
  role: "editor",
  schema: z.instanceof(Buffer),
  invalid: "Send a prices.csv file; nothing was saved.",
  transaction: PRICE_IMPORT_TX,
  async run(tx, bytes): Promise<Outcome<PriceImport>> {
    const bad = firstNonUtf8Line(bytes);
    if (bad !== null) {
      const problem = { file: FILE, line: bad, column: "(row)", message: 'the file is not UTF-8 text: save it again as "CSV UTF-8"' };
      // Nothing was written; rolled back all the same, so a refused file can never leave a trace.
      return { data: { ok: false, problems: [problem] }, audit: null, rollBack: true };
    }
    const result = await importPriceCsvIn(tx, bytes);
    if (!result.ok)
      return { data: { ok: false, problems: result.problems.map((p) => ({ file: FILE, ...p })) }, audit: null, rollBack: true };
    return {
      data: result,
      audit: {
        action: "import",
        entityType: "price_series",
        entityId: FILE,
        after: { stored: result.stored, drafts: result.drafts.length },
        reason: "price CSV import",
      },
      tags: [TAGS.live],
    };
  },
});
