import { CommandError } from "@/lib/server/commands/errors";
import { maxUploadBytes, storeReportFile } from "@/lib/server/commands/uploads";
import { writeHandler } from "@/lib/server/edge/http";

async function readUpload(req: Request): Promise<FormDataEntryValue | null> {
  // Refused by its declared size before the body is read, so nobody can make us buffer more than the limit.
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length)) throw new CommandError("validation", "The upload did not say its size (Content-Length); nothing was stored.");
  if (length > maxUploadBytes() + 64 * 1024) throw new CommandError("too_large", "The file is larger than the upload limit; nothing was stored.");
  try {
    return (await req.formData()).get("file");
  } catch {
    throw new CommandError("validation", "Send the file as multipart/form-data in a field named “file”.");
  }
}

/** A report file (multipart field "file"); answers its SHA-256 for the form to record. */
export const POST = writeHandler("upload report file", async (req) => ({
  ...(await storeReportFile(() => readUpload(req))),
  status: 201,
}));
