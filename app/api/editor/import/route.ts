import { CsvSyntaxError, parseCsv } from "@/lib/domain/import/read-csv";
import { CommandError } from "@/lib/server/commands/errors";
import { bulkImport, type ImportRequest } from "@/lib/server/commands/import-attestations";
import { writeHandler } from "@/lib/server/edge/http";

const MAX_BYTES = 50 * 1024 * 1024;

async function fileBytes(form: FormData, field: string, required: boolean): Promise<Buffer | null> {
  const value = form.get(field);
  if (!(value instanceof File) || value.size === 0) {
    if (required) throw new CommandError("validation", `Choose a ${field}.csv file to import; nothing was saved.`);
    return null;
  }
  if (value.size > MAX_BYTES) throw new CommandError("validation", `${value.name} is larger than 50 MB; split it. Nothing was saved.`);
  return Buffer.from(await value.arrayBuffer());
}

/** The multipart form as the import command takes it: its files read as CSV, and whether this is a dry run. */
async function readImportForm(req: Request): Promise<ImportRequest> {
  const form = await req.formData().catch(() => {
    throw new CommandError("validation", "Send the files as a multipart form; nothing was saved.");
  });
  const dryRun = form.get("dryRun") === "true";
  const reportsBuf = (await fileBytes(form, "reports", true))!;
  const compositionBuf = await fileBytes(form, "composition", false);
  // Which file a syntax or encoding problem is in: the two are parsed one after the other.
  let parsing = "reports.csv";
  try {
    const reports = parseCsv(reportsBuf);
    parsing = "composition.csv";
    const composition = compositionBuf ? parseCsv(compositionBuf) : { rows: [], lines: [], headers: undefined };
    return {
      dryRun,
      files: {
        reports: reports.rows,
        composition: composition.rows,
        lines: { reports: reports.lines, composition: composition.lines },
        headers: { reports: reports.headers, ...(composition.headers ? { composition: composition.headers } : {}) },
      },
    };
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      return { dryRun, unreadable: { file: parsing, line: err.line, column: "(row)", message: err.message } };
    throw err;
  }
}

/**
 * Bulk import of reports: multipart form with `reports` (reports.csv), an
 * optional `composition` (composition.csv) and `dryRun`. A dry run and a
 * refused import both answer every problem by file, line and column.
 */
export const POST = writeHandler("bulk import", async (req) => {
  const written = await bulkImport(() => readImportForm(req));
  return { ...written, status: !written.data.ok ? 422 : written.data.dryRun ? 200 : 201 };
});
