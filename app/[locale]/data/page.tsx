import type { Metadata } from "next";
import { CsvColumns } from "@/components/data/csv-columns";
import { ApiReference } from "@/components/data/api-reference";

export const metadata: Metadata = {
  title: "Data: CSV, API, feeds and embeds",
  description: "Download every issuer, report, composition line and stress event as CSV, read them from a JSON API with OpenAPI 3.1, follow Atom feeds, or embed a chart.",
  alternates: {
    types: { "application/atom+xml": [{ url: "/feeds/attestations.xml", title: "New reserve reports" }, { url: "/feeds/stress-events.xml", title: "Stress events" }] },
  },
};

const EXAMPLE = "circle";

export default function DataPage() {
  return (
    <>
      <h1>Take the data with you</h1>
      <p className="lede">
        Everything on this site is yours to reuse: CSV files for spreadsheets and notebooks, a read-only JSON API without a
        key, Atom feeds of new reports and events, and charts to embed in your own pages. Every row names the page its
        figures were read from; figures we compute are marked as computed.
      </p>

      <section aria-labelledby="csv-h">
        <h2 id="csv-h">CSV downloads</h2>
        <p>
          Four files use the split, column names and conventions of the{" "}
          <a href="/sources">public-reports pack</a> (issuers, reports, composition, stress events), with the fields the
          pack lacks and our computed figures added as further columns; a folder holding the four can be loaded into an
          empty database by the same import the pack goes through. A wide composition file, one column per category, is
          there for spreadsheets. Each file takes the same filters:
        </p>
        <ul>
          <li>
            <code>issuer</code>: slugs separated by commas, e.g.{" "}
            <a download href={`/data/reports.csv?issuer=${EXAMPLE}`}>
              <code>/data/reports.csv?issuer={EXAMPLE}</code>
            </a>
          </li>
          <li>
            <code>from</code>, <code>to</code>: a date range (YYYY-MM-DD) on the as-of date of reports and the start of
            stress events, e.g.{" "}
            <a download href="/data/composition.csv?from=2023-01-01&to=2024-12-31">
              <code>/data/composition.csv?from=2023-01-01&amp;to=2024-12-31</code>
            </a>
          </li>
          <li>
            <code>bom=1</code>: begin the file with a byte-order mark, for spreadsheets that otherwise misread UTF-8.
          </li>
        </ul>
        <CsvColumns />
      </section>

      <section aria-labelledby="api-h">
        <h2 id="api-h">JSON API</h2>
        <p>
          Read-only, no key, open to any site (CORS). The OpenAPI 3.1 description is at{" "}
          <a href="/api/v1/openapi.json">
            <code>/api/v1/openapi.json</code>
          </a>
          . Amounts, shares and prices are decimal strings at the precision stored, each amount with how exact its source
          gave it (<code>exact</code>, <code>rounded</code>, <code>lower_bound</code>); figures we compute are under{" "}
          <code>computed</code>. Lists come in pages: pass <code>limit</code> (at most 200) and the previous answer&apos;s{" "}
          <code>page.nextCursor</code> as <code>cursor</code>. Every answer has an <code>ETag</code>: send it back in{" "}
          <code>If-None-Match</code> and an unchanged answer comes back as <code>304 Not Modified</code>. Answers may be
          cached for up to five minutes.
        </p>
        <p>
          Examples:{" "}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a JSON route handler, not a page */}
          <a href="/api/v1/issuers">/api/v1/issuers</a> · <a href={`/api/v1/issuers/${EXAMPLE}`}>/api/v1/issuers/{EXAMPLE}</a> ·{" "}
          <a href={`/api/v1/issuers/${EXAMPLE}/attestations?limit=5`}>/api/v1/issuers/{EXAMPLE}/attestations?limit=5</a> ·{" "}
          <a href="/api/v1/attestations?from=2024-01-01">/api/v1/attestations?from=2024-01-01</a> ·{" "}
          <a href="/api/v1/stress-events?issuer=tether,circle">/api/v1/stress-events?issuer=tether,circle</a>
        </p>
        <ApiReference />
      </section>

      <section aria-labelledby="feeds-h">
        <h2 id="feeds-h">Atom feeds</h2>
        <p>Subscribe in any feed reader; entries appear when a report or event is published here.</p>
        <ul>
          <li>
            New reserve reports of every issuer: <a href="/feeds/attestations.xml">/feeds/attestations.xml</a>
          </li>
          <li>
            Stress events of every issuer: <a href="/feeds/stress-events.xml">/feeds/stress-events.xml</a>
          </li>
          <li>
            One issuer&apos;s reports and events: <a href={`/feeds/issuers/${EXAMPLE}.xml`}>/feeds/issuers/{EXAMPLE}.xml</a> (the
            link is on each issuer page)
          </li>
        </ul>
      </section>

      <section aria-labelledby="embed-h">
        <h2 id="embed-h">Embeddable charts</h2>
        <p>
          An issuer&apos;s reserve composition and coverage ratio over time, as a page any site may show in an iframe (no
          script, no cookies). The issuer page has a button that copies the code. For example:
        </p>
        <pre>
          <code>{`<iframe src="https://<this site>/embed/issuers/${EXAMPLE}/composition" title="Reserve composition" width="640" height="420" loading="lazy" style="border:0"></iframe>`}</code>
        </pre>
        <p>
          Paths: <code>/embed/issuers/&lt;slug&gt;/composition</code> and <code>/embed/issuers/&lt;slug&gt;/coverage</code>.
        </p>
      </section>
    </>
  );
}
