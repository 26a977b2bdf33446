import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

import { atomFeed, type AtomFeed } from "@/lib/domain/feeds/atom";

import { atomProblems, xmlTextOf as text } from "../support/atom";

const feed = (title: string, summary: string): AtomFeed => ({
  id: "tag:example.org,2026:feed/test",
  title,
  updated: "2026-11-25T09:00:00.000Z",
  self: "https://example.org/feeds/test.xml",
  alternate: "https://example.org/",
  author: "USD1 Backed",
  entries: [
    {
      id: "tag:example.org,2026:attestation/1",
      title,
      updated: "2026-11-25T09:00:00.000Z",
      link: "https://example.org/issuers/a?x=1&y=2",
      summary,
    },
  ],
});

describe("Atom feeds", () => {
  it("carry every element RFC 4287 requires", () => {
    expect(atomProblems(atomFeed(feed("Acme: attestation as of 2025-01-31", "Reserves ≥ $1 B.")))).toEqual([]);
    expect(atomProblems('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')).toContain("feed has no id");
  });

  it("stay well-formed whatever text a report carries, keeping all of it that XML can hold", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const xml = atomFeed(feed(`T ${s}`, `S ${s}`));
        expect(atomProblems(xml)).toEqual([]);
        const parsed = new XMLParser({ processEntities: true, htmlEntities: true, trimValues: false, isArray: (n) => n === "entry" }).parse(
          xml,
        ) as { feed: { entry: { summary: unknown }[] } };
        const allowed = s.replace(
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
          "",
        );
        expect(text(parsed.feed.entry[0]!.summary)).toBe(`S ${allowed}`);
      }),
    );
  });
});
