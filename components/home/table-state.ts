// The comparison table's view as its address says it (?sort=, ?dir=, filters, ?only=pinned,
// ?select=): read, written, and whether a view needs every issuer. Pure, so it is tested
// without a browser (tests/unit/table-state.test.ts); components/home/issuer-table.tsx uses it.

export type SortKey = "name" | "coverage" | "other" | "eligible" | "age" | "cadence" | "stress";
export const SORTS: { key: SortKey; numeric: boolean }[] = [
  { key: "name", numeric: false },
  { key: "coverage", numeric: true },
  { key: "other", numeric: true },
  { key: "eligible", numeric: true },
  { key: "age", numeric: true },
  { key: "cadence", numeric: true },
  { key: "stress", numeric: true },
];

export interface State {
  /** Show only pinned issuers (?only=pinned). */
  only: boolean;
  sort: SortKey;
  dir: "asc" | "desc";
  backing: string;
  status: string;
  jurisdiction: string;
  selected: string[];
}

export const DEFAULT: State = { only: false, sort: "name", dir: "asc", backing: "", status: "", jurisdiction: "", selected: [] };

export function parseState(search: string): State {
  const p = new URLSearchParams(search);
  const sort = SORTS.some((s) => s.key === p.get("sort")) ? (p.get("sort") as SortKey) : DEFAULT.sort;
  return {
    only: p.get("only") === "pinned",
    sort,
    dir: p.get("dir") === "desc" ? "desc" : "asc",
    backing: p.get("backing") ?? "",
    status: p.get("status") ?? "",
    jurisdiction: p.get("jurisdiction") ?? "",
    selected: (p.get("select") ?? "").split(",").filter(Boolean),
  };
}

export function query(s: State): string {
  const p = new URLSearchParams();
  if (s.only) p.set("only", "pinned");
  if (s.sort !== DEFAULT.sort) p.set("sort", s.sort);
  if (s.dir !== DEFAULT.dir) p.set("dir", s.dir);
  if (s.backing) p.set("backing", s.backing);
  if (s.status) p.set("status", s.status);
  if (s.jurisdiction) p.set("jurisdiction", s.jurisdiction);
  if (s.selected.length) p.set("select", s.selected.join(","));
  return p.toString();
}

/** Whether a view needs every issuer: a sort, a filter or the pinned-only view (a selection does not). */
export const needsAll = (s: State) =>
  s.only || s.sort !== DEFAULT.sort || s.dir !== DEFAULT.dir || Boolean(s.backing || s.status || s.jurisdiction);
