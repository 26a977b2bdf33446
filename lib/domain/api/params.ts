// Query parameters of the public API and the CSV downloads, one zod schema
// each: the handlers parse with them and the OpenAPI document is generated
// from them.
import { z } from "zod";

import { calendarDate, slug } from "@/lib/domain/schemas/common";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const MAX_ISSUERS_PER_FILTER = 50;

const issuerList = z
  .string()
  .max(3000)
  .optional()
  .transform((s) => [
    ...new Set(
      (s ?? "")
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(slug).max(MAX_ISSUERS_PER_FILTER, `at most ${MAX_ISSUERS_PER_FILTER} issuers`))
  .meta({ description: "Only these issuers: slugs separated by commas (the parameter may also be repeated).", example: "circle,tether" });

const from = calendarDate.optional().meta({
  format: "date",
  description: "Only records dated on or after this day (as-of date of a report, start date of a stress event), YYYY-MM-DD.",
  example: "2023-01-01",
});
const to = calendarDate
  .optional()
  .meta({ format: "date", description: "Only records dated on or before this day, YYYY-MM-DD.", example: "2024-12-31" });

const fromNotAfterTo = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;

export const filterParams = z
  .object({ issuer: issuerList, from, to })
  .refine(fromNotAfterTo, { message: "from must not be after to", path: ["from"] });

export const pageParams = z.object({
  limit: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)
    .default(DEFAULT_LIMIT)
    .meta({ description: `Items per page, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}).` }),
  cursor: z
    .string()
    .max(500)
    .optional()
    .meta({ description: "Opaque cursor from the previous page's page.nextCursor; omit for the first page." }),
});

export const listParams = z
  .object({ ...filterParams.shape, ...pageParams.shape })
  .refine(fromNotAfterTo, { message: "from must not be after to", path: ["from"] });

/** One issuer's reports: the issuer is in the path. */
export const issuerListParams = z
  .object({ from, to, ...pageParams.shape })
  .refine(fromNotAfterTo, { message: "from must not be after to", path: ["from"] });

export const csvParams = z
  .object({
    ...filterParams.shape,
    bom: z
      .enum(["0", "1"])
      .optional()
      .transform((b) => b === "1")
      .meta({ description: "1: start the file with a UTF-8 byte-order mark, for spreadsheets that need one to read UTF-8." }),
  })
  .refine(fromNotAfterTo, { message: "from must not be after to", path: ["from"] });

export type FilterParams = z.output<typeof filterParams>;
export type ListParams = z.output<typeof listParams>;
export type CsvParams = z.output<typeof csvParams>;

/** URLSearchParams → plain object; repeated parameters are joined with commas (only issuer may repeat). */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(params.keys())) out[key] = params.getAll(key).join(",");
  return out;
}

export type ParamsResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseParams<S extends z.ZodType>(schema: S, params: URLSearchParams): ParamsResult<z.output<S>> {
  const parsed = schema.safeParse(searchParamsObject(params));
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ") };
}
