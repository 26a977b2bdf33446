import { z } from "zod";

import { isCalendarDate, isCalendarMonth } from "@/lib/domain/dates";
import { PRECISIONS } from "@/lib/domain/taxonomy";

/**
 * Control characters (NUL and the rest of the C0 set, and DEL) have no place in
 * a figure's note or a name: PostgreSQL refuses NUL outright, and the others are
 * invisible on the page. Tab, line feed and carriage return stay allowed: notes
 * and summaries run over several lines.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const CONTROL_MESSAGE = "contains a control character (such as NUL): retype or paste the text as plain text";
export const hasControlCharacter = (s: string) => CONTROL.test(s);

/** Optional text: blank becomes null, surrounding space is dropped. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), CONTROL_MESSAGE)
    .nullish()
    .transform((s) => (s ? s : null));

export const requiredText = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(max, `at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), CONTROL_MESSAGE);

export const httpUrl = z
  .string()
  .trim()
  .max(2000, "at most 2000 characters")
  .refine((s) => !CONTROL.test(s), CONTROL_MESSAGE)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "https:" || u.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be a web address starting with https:// or http://");

export const optionalUrl = z
  .union([httpUrl, z.literal("")])
  .nullish()
  .transform((s) => (s ? s : null));

export const calendarDate = z
  .string({ error: "required, as YYYY-MM-DD" })
  .trim()
  .refine(isCalendarDate, "must be a calendar date written YYYY-MM-DD");

export const optionalCalendarDate = z
  .union([calendarDate, z.literal("")])
  .nullish()
  .transform((s) => (s ? s : null));

/** "YYYY-MM-DD", or "YYYY-MM" when only the month is known. */
export const dayOrMonth = z
  .string({ error: "required, as YYYY-MM-DD or YYYY-MM" })
  .trim()
  .refine((s) => isCalendarDate(s) || isCalendarMonth(s), "must be a date (YYYY-MM-DD) or a month (YYYY-MM)");

const MAX_USD = "99999999999999999999"; // numeric(22,2)

/** A non-negative US dollar amount written with a decimal point and no separators. */
export const usdAmount = z
  .string()
  .trim()
  .regex(
    /^\d+(\.\d{1,2})?$/,
    "must be a non-negative amount in US dollars, digits with an optional decimal point (no commas, at most 2 decimals)",
  )
  .refine((s) => s.split(".")[0]!.replace(/^0+(?=\d)/, "").length <= MAX_USD.length, "is too large");

export const percent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, "must be a percentage between 0 and 100 (at most 4 decimals)")
  .refine((s) => Number(s) <= 100, "must be at most 100");

export const optionalPercent = z
  .union([percent, z.literal("")])
  .nullish()
  .transform((s) => (s ? s : null));

export const precision = z.enum(PRECISIONS, { error: `must be one of: ${PRECISIONS.join(", ")}` });

/** An amount with how exact the source gave it; both or neither. */
export const figure = z.object({ value: usdAmount, precision }).strict();

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const slug = z
  .string()
  .trim()
  .min(2, "at least 2 characters")
  .max(60, "at most 60 characters")
  .regex(SLUG, "lower-case letters, digits and single hyphens only");

/** Whether a value from an address can be a slug at all: anything else is "not found" before any query (a NUL would make PostgreSQL refuse it). */
export const isSlug = (s: unknown): s is string => typeof s === "string" && s.length >= 2 && s.length <= 60 && SLUG.test(s);

/** A record's id as our database makes them (cuid): anything else is refused before a query sees it. */
export const recordId = z
  .string({ error: "required" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "not a record id");
