// Checks a document against what RFC 4287 requires of an Atom feed, after
// parsing it with an XML parser (well-formedness first).
import { XMLParser, XMLValidator } from "fast-xml-parser";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "link", "category"].includes(name),
  textNodeName: "#text",
});
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
export const xmlTextOf = (v: unknown) =>
  typeof v === "object" && v !== null ? String((v as Record<string, unknown>)["#text"] ?? "") : String(v ?? "");

/** The elements RFC 4287 requires: feed id, title, updated (and an author); per entry id, title, updated and a link. */
export function atomProblems(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg}`];
  const doc = parser.parse(xml) as { feed?: Record<string, unknown> };
  const feed = doc.feed;
  if (!feed || feed["@xmlns"] !== "http://www.w3.org/2005/Atom") return ["no Atom feed element"];
  const problems: string[] = [];
  for (const k of ["id", "title", "updated", "author"]) if (feed[k] === undefined) problems.push(`feed has no ${k}`);
  if (!RFC3339.test(xmlTextOf(feed.updated))) problems.push("feed updated is not an RFC 3339 date");
  for (const [i, e] of ((feed.entry ?? []) as Record<string, unknown>[]).entries()) {
    for (const k of ["id", "title", "updated", "link"]) if (e[k] === undefined) problems.push(`entry ${i} has no ${k}`);
    if (!RFC3339.test(xmlTextOf(e.updated))) problems.push(`entry ${i} updated is not an RFC 3339 date`);
    if (!((e.link ?? []) as Record<string, string>[]).some((l) => l["@rel"] === "alternate" && l["@href"]))
      problems.push(`entry ${i} has no alternate link`);
  }
  return problems;
}
