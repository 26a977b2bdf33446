// Formula neutralisation: a spreadsheet runs a cell that starts with = + - @
// (and some treat a leading tab or carriage return the same way) as a formula,
// so an exported text like "=HYPERLINK(...)" could act in the reader's
// spreadsheet. Such a cell is written with a single quote in front, which
// spreadsheets show as text. The rule is reversible so an export imports back
// exactly: cells that already start with quotes before a trigger get one more
// quote, and the importer removes exactly one.

/** The characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_TRIGGERS = ["=", "+", "-", "@", "\t", "\r"] as const;

const TRIGGER_CLASS = "[=+\\-@\\t\\r]";
const NEEDS_QUOTE = new RegExp(`^'*${TRIGGER_CLASS}`);
const QUOTED = new RegExp(`^'+${TRIGGER_CLASS}`);

export function neutralise(value: string): string {
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

/** Undoes neutralise(): unneutralise(neutralise(s)) === s for every string. */
export function unneutralise(value: string): string {
  return QUOTED.test(value) ? value.slice(1) : value;
}

/**
 * The same rule as a PostgreSQL expression, for exports that PostgreSQL writes
 * itself (COPY). The tab and carriage return go into the literal as the
 * characters themselves, so nothing depends on how the server reads escapes.
 */
export function neutraliseSql(expression: string): string {
  const pattern = `^''*[-=+@\t\r]`;
  return `CASE WHEN (${expression}) ~ '${pattern}' THEN '''' || (${expression}) ELSE (${expression}) END`;
}
