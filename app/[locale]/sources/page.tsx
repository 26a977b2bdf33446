import fs from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { cacheLife } from "next/cache";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/ui/markdown";
import { currentLocale } from "@/lib/i18n/server";

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
  const english = (await currentLocale()) === "en";
  return (
    <>
      <p className="lede">{t.rich("lede", { folder: PACK_FOLDER, code: (chunks) => <code>{chunks}</code> })}</p>
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
