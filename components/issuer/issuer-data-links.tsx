import Link from "next/link";
import { CopyEmbedCode } from "./copy-embed-code";

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Downloads of what the page shows, the issuer's feed and API entry, and the embeddable charts. */
export function IssuerDataLinks({ slug, name }: { slug: string; name: string }) {
  const q = `?issuer=${encodeURIComponent(slug)}`;
  return (
    <section aria-labelledby="data-h">
      <h2 id="data-h">Data</h2>
      <p>
        Download CSV:{" "}
        <a download href={`/data/reports.csv${q}`} data-testid="download-csv">
          every report
        </a>{" "}
        · composition <a download href={`/data/composition.csv${q}`}>one row per line</a> or{" "}
        <a download href={`/data/composition-wide.csv${q}`}>one column per category</a> ·{" "}
        <a download href={`/data/stress_events.csv${q}`}>stress events</a> · <a download href={`/data/issuers.csv${q}`}>issuer facts</a>.
        Also as <a href={`/api/v1/issuers/${slug}`}>JSON</a> and as an <a href={`/feeds/issuers/${slug}.xml`}>Atom feed</a>; the columns are
        described on <Link href="/data">the data page</Link>.
      </p>
      <details>
        <summary>Embed the charts on your site</summary>
        <CopyEmbedCode path={`/embed/issuers/${slug}/composition`} title={attr(`Reserve composition of ${name}`)} />
        <CopyEmbedCode path={`/embed/issuers/${slug}/coverage`} title={attr(`Coverage ratio of ${name}`)} />
      </details>
    </section>
  );
}
