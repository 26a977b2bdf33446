import { CommandError } from "@/lib/server/commands/errors";
import { importPrices } from "@/lib/server/commands/prices";
import { writeHandler } from "@/lib/server/edge/http";

const MAX_BYTES = 20 * 1024 * 1024;

async function readPricesFile(req: Request): Promise<Buffer> {
  const form = await req.formData().catch(() => {
    throw new CommandError("validation", "Send the file as a multipart form; nothing was saved.");
  });
  const file = form.get("prices");
  if (!(file instanceof File) || file.size === 0)
    throw new CommandError("validation", "Choose a prices.csv file to import; nothing was saved.");
  if (file.size > MAX_BYTES) throw new CommandError("validation", `${file.name} is larger than 20 MB; split it. Nothing was saved.`);
  return Buffer.from(await file.arrayBuffer());
}

/** Daily prices from a CSV file (multipart field `prices`); a refused file answers every problem by line and column. */
export const POST = writeHandler("price import", async (req) => {
  const written = await importPrices(() => readPricesFile(req));
  return { ...written, status: written.data.ok ? 201 : 422 };
});
