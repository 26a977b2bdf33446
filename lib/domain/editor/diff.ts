// Field-by-field differences between two versions of a record, for the
// concurrent-edit message ("what changed meanwhile") and the audit log page.
// Numbers written differently ("1000.50" vs "1000.5") are the same value.

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

/** Leaf paths of a JSON-like value; empty arrays and objects count as one leaf. */
export function flatten(value: unknown, prefix = "", out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0 && prefix) out.set(prefix, null);
    // Lists of plain strings (token symbols, chains) read best as one value.
    if (value.every((x) => typeof x === "string" || typeof x === "number")) {
      if (value.length > 0) out.set(prefix, value.join(", "));
      return out;
    }
    value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out));
    return out;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, null);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  if (prefix) out.set(prefix, canonicalLeaf(value));
  return out;
}

export function diffValues(before: unknown, after: unknown, ignore: readonly string[] = []): FieldDiff[] {
  const a = flatten(before);
  const b = flatten(after);
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
