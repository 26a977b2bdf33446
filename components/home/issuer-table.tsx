"use client";

// The comparison table's sorting, filtering and selection. The server sends
// every cell preformatted (no formatting code ships to the browser); this
// component only reorders rows and keeps the table state in the URL so a view
// can be shared. Without JavaScript the table shows in its default order.
// Pins (the watchlist) live in the browser's storage and in a shareable path,
// /<locale>/watchlist/<slug>,<slug>: each pin is a link to that path with the
// issuer added or removed, so pinning works without JavaScript too; with it,
// the pin toggles in place and the storage keeps it across visits.
// Its words come from the server as `labels` (no message catalogue ships to the
// browser); "{count}", "{visible}" and "{total}" are filled in here.
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from "react";

import { needsAll, parseState, query, type SortKey, type State } from "./table-state";

export interface BarPart {
  key: string;
  label: string;
  pct: number;
  color: string | null; // null: hatched "not captured"
}

export interface TableRow {
  slug: string;
  /** The issuer page in the reader's language. */
  href: string;
  name: string;
  symbols: string;
  isDemo: boolean;
  backing: string;
  backingLabel: string;
  status: string;
  statusLabel: string;
  jurisdiction: string;
  /** Accessible name of the row's checkbox. */
  selectLabel: string;
  coverage: { text: string; title: string; sort: number | null; note: string | null };
  bar: { parts: BarPart[]; label: string } | null;
  other: { text: string; title: string; sort: number | null };
  eligible: { text: string; title: string; sort: number | null };
  /** text: the date in the reader's style; iso: the same date as ISO 8601, for the time element. */
  lastAsOf: { text: string; iso: string; href: string | null; daysSince: number | null; ago: string | null } | null;
  /** Tokens now from live readings (not a report), with when they were read. */
  live: { text: string; title: string } | null;
  /** summary: reports found (of expected) in 12 months, and whether one is overdue. */
  cadence: { declared: string; summary: string; sort: number | null };
  stress: number;
}

export interface TableLabels {
  filters: string;
  backingModel: string;
  status: string;
  jurisdiction: string;
  all: string;
  /** With "{count}". */
  compareSelected: string;
  /** With "{visible}" and "{total}". */
  shown: string;
  caption: string;
  selectToCompare: string;
  issuer: string;
  coverage: string;
  composition: string;
  other: string;
  eligible: string;
  lastReport: string;
  cadence: string;
  stress: string;
  demo: string;
  notCaptured: string;
  none: string;
  /** With "{shown}" and "{total}": the table holds the first rows only. */
  partial: string;
  /** With "{total}": the link to the full table. */
  allIssuers: string;
}

export interface WatchLabels {
  /** With "{name}". */
  pin: string;
  unpin: string;
  /** With "{count}". */
  show: string;
  share: string;
  all: string;
  column: string;
}

export interface Watch {
  /** The watchlist path in the reader's language, without a list: "/en/watchlist". */
  base: string;
  /** On a watchlist page: the pins its address names (they replace the stored ones, and only they are shown). */
  fixed: string[] | null;
  labels: WatchLabels;
}

const PINS_KEY = "usd1-backed:pinned";
const SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/;

function storedPins(): string[] {
  try {
    return (window.localStorage.getItem(PINS_KEY) ?? "").split(",").filter((s) => SLUG.test(s));
  } catch {
    return [];
  }
}

function storePins(pins: string[]) {
  try {
    window.localStorage.setItem(PINS_KEY, pins.join(","));
  } catch {
    // Storage refused (private mode, quota): the pins still sit in the watchlist link.
  }
}

export const watchHref = (base: string, pins: readonly string[]) => (pins.length ? `${base}/${[...pins].sort().join(",")}` : base);
const toggled = (pins: readonly string[], slug: string) => (pins.includes(slug) ? pins.filter((s) => s !== slug) : [...pins, slug]);

function writeUrl(s: State) {
  const q = query(s);
  window.history.replaceState(null, "", q ? `?${q}` : window.location.pathname);
  for (const listener of listeners) listener();
}

// The URL is the table's state. The server snapshot is the default view, so
// the server HTML and the first client render agree; then the URL takes over.
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

function sortValue(r: TableRow, key: SortKey): number | string | null {
  switch (key) {
    case "name":
      return r.name.toLowerCase();
    case "coverage":
      return r.coverage.sort;
    case "other":
      return r.other.sort;
    case "eligible":
      return r.eligible.sort;
    case "age":
      return r.lastAsOf?.daysSince ?? null;
    case "cadence":
      return r.cadence.sort;
    case "stress":
      return r.stress;
  }
}

function Bar({ bar }: { bar: NonNullable<TableRow["bar"]> }) {
  const total = bar.parts.reduce((s, p) => s + p.pct, 0) || 1;
  const widths = bar.parts.map((p) => (p.pct / total) * 100);
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((s, w) => s + w, 0));
  const hatch = `hatch${useId().replace(/:/g, "")}`;
  return (
    <svg className="minibar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={bar.label}>
      <defs>
        <pattern id={hatch} width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="1.2" height="3" fill="currentColor" />
        </pattern>
      </defs>
      {bar.parts.map((p, i) => (
        <rect key={p.key} x={starts[i]} width={widths[i]} height="10" fill={p.color ?? `url(#${hatch})`} />
      ))}
    </svg>
  );
}

export function IssuerTable({
  rows,
  jurisdictions,
  backings,
  statuses,
  compareHref,
  labels,
  watch,
  total = rows.length,
  allHref = null,
}: {
  rows: TableRow[];
  /** Every issuer, when `rows` holds only the first of them (in the default order). */
  total?: number;
  /**
   * Where the full table is, when `rows` is partial: sorting or filtering the first rows alone would
   * present part of the list as the whole, so any such view opens there instead.
   */
  allHref?: string | null;
  jurisdictions: string[];
  backings: { key: string; label: string }[];
  statuses: { key: string; label: string }[];
  /** The compare page in the reader's language. */
  compareHref: string;
  labels: TableLabels;
  watch: Watch;
}) {
  const search = useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => "",
  );
  const state = useMemo(() => parseState(search), [search]);
  const router = useRouter();
  const partial = allHref !== null && rows.length < total;
  const update = (patch: Partial<State>) => {
    const next = { ...state, ...patch };
    if (partial && needsAll(next)) router.push(`${allHref}?${query(next)}`);
    else writeUrl(next);
  };
  useEffect(() => {
    // An address with a sort or a filter (a shared view) opens on the full table.
    if (partial && needsAll(state)) router.replace(`${allHref}?${query(state)}`);
  }, [partial, state, allHref, router]);
  // Pins: the address's on a watchlist page (stored for later visits), else the stored ones,
  // read after hydration so the server's HTML and the first render agree.
  const [pins, setPins] = useState<string[]>(watch.fixed ?? []);
  // Set once the table is live: before that a pin is a plain link (tests wait for it too).
  const [live, setLive] = useState(false);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- marks hydration, which only an effect can see
    setLive(true);
  }, []);
  useEffect(() => {
    if (watch.fixed) storePins(watch.fixed);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- storage exists only in the browser, after hydration
    else setPins(storedPins());
  }, [watch.fixed]);
  const onlyPinned = watch.fixed !== null || state.only;
  const pin = (slug: string, event: React.MouseEvent) => {
    event.preventDefault();
    const next = toggled(pins, slug);
    setPins(next);
    storePins(next);
    if (watch.fixed !== null) window.history.replaceState(null, "", watchHref(watch.base, next));
  };

  const visible = useMemo(() => {
    const filtered = rows.filter(
      (r) =>
        (!onlyPinned || pins.includes(r.slug) || (watch.fixed !== null && watch.fixed.includes(r.slug))) &&
        (!state.backing || r.backing === state.backing) &&
        (!state.status || r.status === state.status) &&
        (!state.jurisdiction || r.jurisdiction === state.jurisdiction),
    );
    const dir = state.dir === "asc" ? 1 : -1;
    return [...filtered].sort((a, b) => {
      const va = sortValue(a, state.sort);
      const vb = sortValue(b, state.sort);
      // Missing values sort last whatever the direction.
      if (va === null && vb === null) return a.name.localeCompare(b.name);
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = typeof va === "string" ? va.localeCompare(vb as string) : va - (vb as number);
      return c * dir || a.name.localeCompare(b.name);
    });
  }, [rows, state, onlyPinned, pins, watch.fixed]);

  const header = (key: SortKey, label: string, className?: string) => {
    const active = state.sort === key;
    return (
      <th scope="col" className={className} aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : "none"}>
        <button type="button" className="sort" onClick={() => update({ sort: key, dir: active && state.dir === "asc" ? "desc" : "asc" })}>
          {label}
          <span aria-hidden="true">{active ? (state.dir === "asc" ? " ▲" : " ▼") : ""}</span>
        </button>
      </th>
    );
  };
  const toggle = (slug: string) =>
    update({ selected: state.selected.includes(slug) ? state.selected.filter((s) => s !== slug) : [...state.selected, slug].slice(-4) });

  return (
    <>
      <div className="controls" role="group" aria-label={labels.filters} data-live={live || undefined}>
        <label>
          {labels.backingModel}{" "}
          <select value={state.backing} onChange={(e) => update({ backing: e.target.value })}>
            <option value="">{labels.all}</option>
            {backings.map((b) => (
              <option key={b.key} value={b.key}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {labels.status}{" "}
          <select value={state.status} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{labels.all}</option>
            {statuses.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {labels.jurisdiction}{" "}
          <select value={state.jurisdiction} onChange={(e) => update({ jurisdiction: e.target.value })}>
            <option value="">{labels.all}</option>
            {jurisdictions.map((j) => (
              <option key={j} value={j}>
                {j}
              </option>
            ))}
          </select>
        </label>
        <a
          className={`button${state.selected.length >= 2 ? "" : " disabled"}`}
          aria-disabled={state.selected.length < 2}
          href={state.selected.length >= 2 ? `${compareHref}?issuers=${state.selected.join(",")}` : undefined}
          data-testid="compare-link"
        >
          {labels.compareSelected.replace("{count}", String(state.selected.length))}
        </a>
        {watch.fixed === null && (
          <label>
            <input
              type="checkbox"
              checked={state.only}
              disabled={pins.length === 0}
              onChange={(e) => update({ only: e.target.checked })}
              data-testid="only-pinned"
            />{" "}
            {watch.labels.show.replace("{count}", String(pins.length))}
          </label>
        )}
        <a className="button" href={watchHref(watch.base, pins)} data-testid="watchlist-link">
          {watch.labels.share}
        </a>
        <span className="sub" aria-live="polite">
          {labels.shown.replace("{visible}", String(visible.length)).replace("{total}", String(total))}
        </span>
      </div>
      {partial && (
        <p className="sub" data-testid="table-partial">
          {labels.partial.replace("{shown}", String(rows.length)).replace("{total}", String(total))}{" "}
          <a href={allHref}>{labels.allIssuers.replace("{total}", String(total))}</a>
        </p>
      )}
      <div className="table-scroll">
        <table className="comparison">
          <caption className="skip">{labels.caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="skip">{watch.labels.column}</span>
              </th>
              <th scope="col">
                <span className="skip">{labels.selectToCompare}</span>
              </th>
              {header("name", labels.issuer)}
              {header("coverage", labels.coverage, "num")}
              <th scope="col">{labels.composition}</th>
              {header("other", labels.other, "num")}
              {header("eligible", labels.eligible, "num")}
              {header("age", labels.lastReport)}
              {header("cadence", labels.cadence)}
              {header("stress", labels.stress, "num")}
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.slug} data-testid="issuer-row" data-pinned={pins.includes(r.slug) || undefined}>
                <td>
                  <a
                    className="pin"
                    href={watchHref(watch.base, toggled(pins, r.slug))}
                    aria-label={(pins.includes(r.slug) ? watch.labels.unpin : watch.labels.pin).replace("{name}", r.name)}
                    onClick={(e) => pin(r.slug, e)}
                    data-testid="pin"
                    rel="nofollow"
                  >
                    <span aria-hidden="true">{pins.includes(r.slug) ? "★" : "☆"}</span>
                  </a>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={r.selectLabel}
                    checked={state.selected.includes(r.slug)}
                    onChange={() => toggle(r.slug)}
                  />
                </td>
                <th scope="row">
                  <a href={r.href}>{r.name}</a> {r.isDemo && <span className="badge demo">{labels.demo}</span>}
                  <div className="sub">
                    {r.symbols}
                    {r.status !== "active" && <> · {r.statusLabel}</>}
                    {r.jurisdiction && <> · {r.jurisdiction}</>}
                  </div>
                  {/* The backing model reads with the issuer, which keeps the table within a 1280 px window. */}
                  <div className="sub" data-col="backing">
                    {r.backingLabel}
                  </div>
                </th>
                <td className="num" data-col="coverage">
                  <span title={r.coverage.title}>{r.coverage.text}</span>
                  {r.coverage.note && <div className="sub">{r.coverage.note}</div>}
                </td>
                <td>{r.bar ? <Bar bar={r.bar} /> : <span className="sub">{labels.notCaptured}</span>}</td>
                <td className="num">
                  <span title={r.other.title}>{r.other.text}</span>
                </td>
                <td className="num" data-col="eligible">
                  <span title={r.eligible.title}>{r.eligible.text}</span>
                </td>
                <td>
                  {r.lastAsOf ? (
                    <>
                      {r.lastAsOf.href ? (
                        <a href={r.lastAsOf.href}>
                          <time dateTime={r.lastAsOf.iso}>{r.lastAsOf.text}</time>
                        </a>
                      ) : (
                        <time dateTime={r.lastAsOf.iso}>{r.lastAsOf.text}</time>
                      )}
                      {r.lastAsOf.ago !== null && <div className="sub">{r.lastAsOf.ago}</div>}
                    </>
                  ) : (
                    <span className="sub">{labels.none}</span>
                  )}
                  {r.live && (
                    <div className="sub" title={r.live.title} data-testid="live-supply">
                      {r.live.text}
                    </div>
                  )}
                </td>
                <td>
                  {r.cadence.declared}
                  <div className="sub">{r.cadence.summary}</div>
                </td>
                <td className="num">{r.stress}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
