import { CsvSyntaxError, parseCsv } from "@/lib/domain/import/read-csv";
import { requireRole } from "@/lib/server/auth";
import { CommandError } from "@/lib/server/commands/errors";
import { importAttestations } from "@/lib/server/commands/import-attestations";
import { db } from "@/lib/server/db";
import { writeHandler } from "@/lib/server/edge/http";
import { TAGS } from "@/lib/server/queries/tags";

const MAX_BYTES = 50 * 1024 * 1024;

async function fileText(form: FormData, field: string, required: boolean): Promise<Buffer | null> {
  const value = form.get(field);
  if (!(value instanceof File) || value.size === 0) {
    if (required) throw new CommandError("validation", `Choose a ${field}.csv file to import; nothing was saved.`);
    return null;
  }
  if (value.size > MAX_BYTES) throw new CommandError("validation", `${value.name} is larger than 50 MB; split it. Nothing was saved.`);
  return Buffer.from(await value.arrayBuffer());
}

/**
 * Bulk import of reports: multipart form with `reports` (reports.csv), an
 * optional `composition` (composition.csv) and `dryRun`. A dry run and a
 * refused import both answer every problem by file, line and column.
 */
export const POST = writeHandler("bulk import", async (req) => {
  const user = await requireRole("editor");
  const form = await req.formData().catch(() => {
    throw new CommandError("validation", "Send the files as a multipart form; nothing was saved.");
  });
  const dryRun = form.get("dryRun") === "true";
  const reportsBuf = (await fileText(form, "reports", true))!;
  const compositionBuf = await fileText(form, "composition", false);
  let files;
  // Which file a syntax or encoding problem is in: the two are parsed one after the other.
  let parsing = "reports.csv";
  try {
    const reports = parseCsv(reportsBuf);
    parsing = "composition.csv";
    const composition = compositionBuf ? parseCsv(compositionBuf) : { rows: [], lines: [], headers: undefined };
    files = {
      reports: reports.rows,
      composition: composition.rows,
      lines: { reports: reports.lines, composition: composition.lines },
      headers: { reports: reports.headers, ...(composition.headers ? { composition: composition.headers } : {}) },
    };
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      return {
        data: { ok: false, problems: [{ file: parsing, line: err.line, column: "(row)", message: err.message }] },
        tags: [],
        status: 422,
      };
    }
    throw err;
  }
  const result = await importAttestations(db(), files, { id: user.id, label: user.displayName, role: user.role }, { dryRun });
  if (!result.ok) return { data: result, tags: [], status: 422 };
  const tags = dryRun ? [] : [TAGS.attestations, TAGS.issuers, ...Object.keys(result.byIssuer).map(TAGS.issuer)];
  return { data: result, tags, status: dryRun ? 200 : 201 };
});
