// Reading one CSV cell of the pack's format or of our export: cells that the
// export neutralised against spreadsheet formulas get their value back, an
// empty cell means "not known", lists are separated by "; ", and a few
// structured fields travel as JSON.
import { unneutralise } from "@/lib/domain/csv/neutralise";

/** The cell as written, restored if it was neutralised; undefined when the column is absent. */
export function cell(value: string | undefined): string | undefined {
  return value === undefined ? undefined : unneutralise(value);
}

/** Trimmed cell, or null when empty or absent. */
export function blank(value: string | undefined): string | null {
  const t = value?.trim();
  return t ? unneutralise(t) : null;
}

export function list(value: string | undefined | null): string[] {
  return value?.trim()
    ? value
        .split("; ")
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}

export interface JsonProblem {
  problem: string;
}

/** A JSON array cell: null when empty or absent, a problem when it is not a JSON array of objects. */
export function jsonCell<T>(value: string | undefined): T[] | null | JsonProblem {
  const text = blank(value);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: "must be a JSON array, e.g. [{…}]; it is not valid JSON" };
  }
  if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== "object" || x === null || Array.isArray(x))) {
    return { problem: "must be a JSON array of objects" };
  }
  return parsed as T[];
}
