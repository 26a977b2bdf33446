// Opaque pagination cursors: the sort key of the last item of a page, as
// base64url JSON. Readers must treat them as opaque; we may change the inside.
export class CursorError extends Error {}

export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The sort key, checked against the shape the list expects (one checker per list). */
export function decodeCursor<T extends unknown[]>(cursor: string | undefined, check: (key: unknown[]) => key is T): T | null {
  if (cursor === undefined || cursor === "") return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new CursorError("cursor is not one this API issued");
  }
  if (!Array.isArray(key) || !check(key)) throw new CursorError("cursor is not one this API issued");
  return key;
}

const isDay = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isId = (v: unknown) => typeof v === "string" && v.length > 0 && v.length <= 100;

export const cursorShapes = {
  /** Issuers by slug. */
  slug: (k: unknown[]): k is [string] => k.length === 1 && isId(k[0]),
  /** Reports by as-of date then id, newest first. */
  dayAndId: (k: unknown[]): k is [string, string] => k.length === 2 && isDay(k[0]) && isId(k[1]),
  /** Stress events by start date (null: undated, listed last) then id. */
  optionalDayAndId: (k: unknown[]): k is [string | null, string] => k.length === 2 && (k[0] === null || isDay(k[0])) && isId(k[1]),
};
