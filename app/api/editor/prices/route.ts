import { firstNonUtf8Line } from "@/lib/domain/import/read-csv";
import { requireRole } from "@/lib/server/auth";
import { CommandError } from "@/lib/server/commands/errors";
import { audit, WRITE_TX } from "@/lib/server/commands/shared";
import { db } from "@/lib/server/db";
import { writeHandler } from "@/lib/server/edge/http";
import { importPriceCsv } from "@/lib/server/live/prices";
import { LIVE_TAG } from "@/lib/server/queries/live";

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Daily prices from a CSV file (columns date, issuer, token, price_usd, source; see /data):
 * every row checked, refused by line and column, all rows or none. A sustained depeg in the
 * stored series opens (or extends) one draft stress event for editors; nothing is published.
 */
export const POST = writeHandler("price import", async (req) => {
  const user = await requireRole("editor");
  const form = await req.formData().catch(() => {
    throw new CommandError("validation", "Send the file as a multipart form; nothing was saved.");
  });
  const file = form.get("prices");
  if (!(file instanceof File) || file.size === 0)
    throw new CommandError("validation", "Choose a prices.csv file to import; nothing was saved.");
  if (file.size > MAX_BYTES) throw new CommandError("validation", `${file.name} is larger than 20 MB; split it. Nothing was saved.`);
  const bytes = Buffer.from(await file.arrayBuffer());
  const bad = firstNonUtf8Line(bytes);
  if (bad !== null) {
    return {
      data: {
        ok: false,
        problems: [{ file: "prices.csv", line: bad, column: "(row)", message: 'the file is not UTF-8 text: save it again as "CSV UTF-8"' }],
      },
      tags: [],
      status: 422,
    };
  }
  const result = await importPriceCsv(db(), bytes);
  if (!result.ok)
    return { data: { ok: false, problems: result.problems.map((p) => ({ file: "prices.csv", ...p })) }, tags: [], status: 422 };
  await db().$transaction(
    (tx) =>
      audit(tx, user, {
        action: "import",
        entityType: "price_series",
        entityId: "prices.csv",
        after: { stored: result.stored, drafts: result.drafts.length },
        reason: "price CSV import",
      }),
    WRITE_TX,
  );
  return { data: result, tags: [LIVE_TAG], status: 201 };
});
