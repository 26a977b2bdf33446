import { getTranslations } from "next-intl/server";

import { Link } from "@/components/i18n/link";

import { CopyEmbedCode } from "./copy-embed-code";

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Downloads of what the page shows, the issuer's feed and API entry, and the embeddable charts. */
export async function IssuerDataLinks({ slug, name }: { slug: string; name: string }) {
  const t = await getTranslations("issuer.dataLinks");
  const q = `?issuer=${encodeURIComponent(slug)}`;
  const copyLabels = { copy: t("copy"), copied: t("copied") };
  return (
    <section aria-labelledby="data-h">
      <h2 id="data-h">{t("heading")}</h2>
      <p>
        {t.rich("body", {
          reports: (chunks) => (
            <a download href={`/data/reports.csv${q}`} data-testid="download-csv">
              {chunks}
            </a>
          ),
          lines: (chunks) => (
            <a download href={`/data/composition.csv${q}`}>
              {chunks}
            </a>
          ),
          wide: (chunks) => (
            <a download href={`/data/composition-wide.csv${q}`}>
              {chunks}
            </a>
          ),
          stress: (chunks) => (
            <a download href={`/data/stress_events.csv${q}`}>
              {chunks}
            </a>
          ),
          issuers: (chunks) => (
            <a download href={`/data/issuers.csv${q}`}>
              {chunks}
            </a>
          ),
          json: (chunks) => <a href={`/api/v1/issuers/${slug}`}>{chunks}</a>,
          atom: (chunks) => <a href={`/feeds/issuers/${slug}.xml`}>{chunks}</a>,
          data: (chunks) => <Link href="/data">{chunks}</Link>,
        })}
      </p>
      <details>
        <summary>{t("embed")}</summary>
        <CopyEmbedCode path={`/embed/issuers/${slug}/composition`} title={attr(t("embedComposition", { name }))} labels={copyLabels} />
        <CopyEmbedCode path={`/embed/issuers/${slug}/coverage`} title={attr(t("embedCoverage", { name }))} labels={copyLabels} />
      </details>
    </section>
  );
}
