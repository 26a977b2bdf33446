// Field-by-field differences between two versions of a record, for the
// concurrent-edit message ("what changed meanwhile") and the audit log page.
// Numbers written differently ("1000.50" vs "1000.5") are the same value.
// Lists of records are matched by position, or by what identifies an element
// (`RECORD_ELEMENT_KEYS`: a composition line by its category, a source by its
// URL) when the caller compares two versions of one record, as the pack
// re-import does: then a line added in the middle is one added line, not a
// shift of every line after it.

export interface FieldDiff {
  /** "totalReserves.value", "composition[2].sharePct", "licences[0].regulator" */
  field: string;
  was: unknown;
  now: unknown;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function canonicalLeaf(v: unknown): unknown {
  if (v === undefined || v === "") return null;
  if (typeof v === "string" && DECIMAL.test(v)) {
    const [int = "0", frac = ""] = v.split(".");
    const f = frac.replace(/0+$/, "");
    const i = int.replace(/^(-?)0+(?=\d)/, "$1");
    return f ? `${i}.${f}` : i;
  }
  return v;
}

/** What identifies one element of a list field, by the field's name. */
export type ElementKeys = Readonly<Record<string, (element: Record<string, unknown>) => string>>;

/** The list fields of our records (reports, issuers, stress events) and what identifies an element of each. */
export const RECORD_ELEMENT_KEYS: ElementKeys = {
  composition: (l) => (l.custodian ? `${String(l.category)}|${String(l.custodian)}` : String(l.category)),
  counterparties: (c) => `${String(c.name)}|${String(c.role)}`,
  licences: (l) => `${String(l.regulator)}|${String(l.licence)}|${String(l.jurisdiction)}`,
  sources: (s) => String(s.url),
};

const fieldName = (prefix: string) => /([A-Za-z0-9_]+)$/.exec(prefix)?.[1] ?? "";

/** Leaf paths of a JSON-like value; empty arrays and objects count as one leaf. */
export function flatten(value: unknown, prefix = "", out: Map<string, unknown> = new Map(), keys: ElementKeys = {}): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0 && prefix) out.set(prefix, null);
    // Lists of plain strings (token symbols, chains) read best as one value.
    if (value.every((x) => typeof x === "string" || typeof x === "number")) {
      if (value.length > 0) out.set(prefix, value.join(", "));
      return out;
    }
    const keyOf = keys[fieldName(prefix)];
    const keyed = keyOf && value.every((x) => x && typeof x === "object" && !Array.isArray(x));
    value.forEach((item, i) => flatten(item, `${prefix}[${keyed ? keyOf(item as Record<string, unknown>) : i}]`, out, keys));
    return out;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, null);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out, keys);
    return out;
  }
  if (prefix) out.set(prefix, canonicalLeaf(value));
  return out;
}

export function diffValues(before: unknown, after: unknown, ignore: readonly string[] = [], keys: ElementKeys = {}): FieldDiff[] {
  const a = flatten(before, "", new Map(), keys);
  const b = flatten(after, "", new Map(), keys);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const skip = (f: string) => ignore.some((i) => f === i || f.startsWith(`${i}.`) || f.startsWith(`${i}[`));
  return fields
    .filter((f) => !skip(f))
    .map((field) => ({ field, was: a.get(field) ?? null, now: b.get(field) ?? null }))
    .filter((d) => JSON.stringify(d.was) !== JSON.stringify(d.now));
}

export function showValue(v: unknown): string {
  if (v === null || v === undefined) return "(empty)";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

/** Top-level fields named by a set of differences ("composition[tbills_93d].sharePct" → "composition"). */
export function changedTopFields(diffs: readonly FieldDiff[]): string[] {
  return [...new Set(diffs.map((d) => d.field.split(/[.[]/)[0]!))];
}
