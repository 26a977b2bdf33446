import { getTranslations } from "next-intl/server";
import { CSV_FILES, CSV_KINDS } from "@/lib/domain/csv/columns";
import { currentLocale } from "@/lib/i18n/server";

/** The format notes of lib/domain/csv/columns.ts (CSV_FORMAT_NOTES), in the page's language. */
const FORMAT_NOTES = ["encoding", "header", "empty", "formulas", "computed"] as const;

/** Every column the CSV writers produce, straight from lib/domain/csv/columns.ts. */
export async function CsvColumns() {
  const [t, locale] = await Promise.all([getTranslations("data.csv"), currentLocale()]);
  // The column descriptions are the specification's English text (the page says so in other languages).
  const en = locale === "en" ? undefined : "en";
  return (
    <>
      <ul>
        {FORMAT_NOTES.map((n) => (
          <li key={n}>{t(`formatNotes.${n}`)}</li>
        ))}
      </ul>
      {CSV_KINDS.map((kind) => {
        const f = CSV_FILES[kind];
        return (
          <section key={kind} aria-labelledby={`csv-${kind}`}>
            <h3 id={`csv-${kind}`}>
              {t(`files.${kind}.title`)}: <code>{f.file}</code>
            </h3>
            <p className="sub">
              {t(`files.${kind}.rows`)}.{" "}
              <a download href={`/data/${f.file}`}>
                {t("download", { file: f.file })}
              </a>{" "}
              · {f.importable ? t("importable") : t("notImportable")}.
            </p>
            <details>
              <summary>{t("columnsSummary", { count: f.columns.length, file: f.file })}</summary>
              <div className="table-scroll">
                <table data-testid={`columns-${f.file}`}>
                  <caption className="skip">{t("columnsCaption", { file: f.file })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("th.column")}</th>
                      <th scope="col">{t("th.meaning")}</th>
                      <th scope="col">{t("th.kind")}</th>
                      <th scope="col">{t("th.producedFrom")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.columns.map((c) => (
                      <tr key={c.name}>
                        <th scope="row">
                          <code>{c.name}</code>
                        </th>
                        <td lang={en}>{c.description}</td>
                        <td>{t(`origin.${c.origin}`)}</td>
                        <td>
                          <code>{c.produce}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>
        );
      })}
    </>
  );
}
