import fs from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cacheLife } from "next/cache";

import { editionNumber, packEdition } from "@/lib/domain/import/public-pack";
import { formatDay } from "@/lib/i18n/dates";
import { currentLocale } from "@/lib/i18n/server";
import { datasetNotice } from "@/lib/server/queries/home";
import { Markdown } from "@/components/ui/markdown";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sources");
  return { title: t("meta.title"), description: t("meta.description") };
}

const PACK_FOLDER = "data/public-reports/";

async function packReadme(): Promise<string> {
  "use cache";
  cacheLife("max");
  return fs.readFile(path.join(process.cwd(), "data", "public-reports", "README.md"), "utf8");
}

export default async function SourcesPage() {
  const readme = await packReadme();
  const t = await getTranslations("sources");
  const locale = await currentLocale();
  const english = locale === "en";
  const { pack: loaded } = await datasetNotice();
  const shipped = packEdition(readme);
  const shippedNumber = shipped ? editionNumber(shipped.name) : null;
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  return (
    <>
      <p className="lede">{t.rich("lede", { folder: PACK_FOLDER, code })}</p>
      {loaded?.number && loaded.compiled && (
        <p data-testid="loaded-edition">
          {t("loadedEdition", {
            edition: loaded.number,
            compiled: formatDay(loaded.compiled, locale),
            loaded: formatDay(loaded.loadedAt.slice(0, 10), locale),
          })}
        </p>
      )}
      {shippedNumber && shipped?.compiled && (shippedNumber !== loaded?.number || shipped.compiled !== loaded?.compiled) && (
        <p className="notice-inline" data-testid="shipped-edition">
          {t.rich("shippedEdition", { edition: shippedNumber, compiled: formatDay(shipped.compiled, locale), code })}
        </p>
      )}
      {!english && <p className="sub">{t("englishNote")}</p>}
      {english ? (
        <Markdown source={readme} />
      ) : (
        <div lang="en">
          <Markdown source={readme} />
        </div>
      )}
    </>
  );
}
