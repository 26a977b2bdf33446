// Atom 1.0 (RFC 4287) documents, written by hand: the feeds use a handful of
// elements, and owning the writer keeps the two things that matter in plain
// sight — escaping of the five XML specials, and removal of the characters
// XML 1.0 forbids even when escaped (control characters, lone surrogates),
// which a report's text could otherwise carry in and break every reader.

export interface AtomEntry {
  /** A permanent IRI that never changes for this entry. */
  id: string;
  title: string;
  /** RFC 3339 timestamp of the last significant change. */
  updated: string;
  published?: string;
  /** Page about the entry (rel="alternate"). */
  link: string;
  summary: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The page the feed is about (rel="alternate"). */
  alternate: string;
  author: string;
  entries: AtomEntry[];
}

const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return (
    text
      .replace(XML_FORBIDDEN, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // A literal CR would reach readers as LF (XML line-end normalisation); a reference keeps it.
      .replace(/\r/g, "&#13;")
  );
}

const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${xmlText(text)}</${name}>`;
const link = (href: string, rel: string, type?: string) => `<link rel="${rel}"${type ? ` type="${type}"` : ""} href="${xmlText(href)}"/>`;

function entry(e: AtomEntry): string {
  return [
    "<entry>",
    el("id", e.id),
    el("title", e.title, ' type="text"'),
    el("updated", e.updated),
    e.published ? el("published", e.published) : "",
    link(e.link, "alternate", "text/html"),
    ...(e.categories ?? []).map((c) => `<category term="${xmlText(c)}"/>`),
    el("summary", e.summary, ' type="text"'),
    "</entry>",
  ].join("");
}

export function atomFeed(f: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    el("id", f.id),
    el("title", f.title, ' type="text"'),
    f.subtitle ? el("subtitle", f.subtitle, ' type="text"') : "",
    el("updated", f.updated),
    link(f.self, "self", "application/atom+xml"),
    link(f.alternate, "alternate", "text/html"),
    `<author>${el("name", f.author)}</author>`,
    el("generator", "USD1 Backed"),
    ...f.entries.map(entry),
    "</feed>\n",
  ].join("");
}

/** RFC 4151 tag URI under the site's host name: an entry keeps its id when pages move or the entry changes. */
export function tagUri(authority: string, specific: string): string {
  return `tag:${authority},2026:${specific}`;
}
