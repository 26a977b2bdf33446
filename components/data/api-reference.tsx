import { getTranslations } from "next-intl/server";
import { openApiDocument } from "@/lib/domain/api/openapi";

type Schema = Record<string, unknown>;
interface Field {
  name: string;
  type: string;
  description: string;
  computed: boolean;
}

const METHOD = "GET";

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

function typeOf(s: Schema): string {
  if (typeof s.$ref === "string") return refName(s.$ref);
  if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).map(typeOf).join(" | ");
  if (Array.isArray(s.enum)) return (s.enum as string[]).map((v) => JSON.stringify(v)).join(" | ");
  if (s.type === "array") return `${typeOf((s.items ?? {}) as Schema)}[]`;
  if (Array.isArray(s.type)) return (s.type as string[]).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  return String(s.type ?? "any");
}

/** Object properties as rows, nested objects flattened to dotted names. */
function fields(s: Schema, prefix = "", computed = false): Field[] {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  return Object.entries(props).flatMap(([name, p]) => {
    const full = `${prefix}${name}`;
    const isComputed = computed || p["x-computed"] === true;
    const nested = p.type === "object" && p.properties ? fields(p, `${full}.`, isComputed) : [];
    const row = { name: full, type: p.type === "object" ? "object" : typeOf(p), description: String(p.description ?? ""), computed: isComputed };
    return [row, ...nested];
  });
}

/**
 * The OpenAPI document, readable: endpoints with their parameters, then every schema's fields.
 * The page's own words are translated; the document's summaries and descriptions are the
 * API's English reference text.
 */
export async function ApiReference() {
  const t = await getTranslations("data.api");
  const doc = openApiDocument() as { paths: Record<string, { get: Schema }>; components: { schemas: Record<string, Schema> } };
  return (
    <>
      {Object.entries(doc.paths).map(([path, { get }]) => {
        const params = (get.parameters as Schema[]).filter((p) => p.in !== "header");
        const ok = (((get.responses as Schema)["200"] as Schema).content as Record<string, { schema: Schema }>)["application/json"]!.schema;
        return (
          <section key={path} aria-labelledby={`api-${String(get.operationId)}`}>
            <h3 id={`api-${String(get.operationId)}`}>
              <code>
                {METHOD} {path}
              </code>
            </h3>
            <p>
              {t.rich("operation", {
                summary: String(get.summary),
                description: String(get.description),
                type: typeOf(ok),
                code: (chunks) => <code>{chunks}</code>,
              })}
            </p>
            {params.length > 0 && (
              <ul>
                {params.map((p) => (
                  <li key={String(p.name)}>
                    <code>{String(p.name)}</code> ({p.in === "path" ? t("inPath") : t("inQuery")}): {String(p.description ?? "")}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <h3>{t("schemas")}</h3>
      {Object.entries(doc.components.schemas)
        .filter(([, s]) => s.type === "object")
        .map(([id, s]) => (
          <details key={id}>
            <summary>
              <code>{id}</code>
              {s.description ? `: ${String(s.description)}` : ""}
            </summary>
            <div className="table-scroll">
              <table>
                <caption className="skip">{t("fieldsCaption", { id })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("th.field")}</th>
                    <th scope="col">{t("th.type")}</th>
                    <th scope="col">{t("th.meaning")}</th>
                  </tr>
                </thead>
                <tbody>
                  {fields(s).map((f) => (
                    <tr key={f.name}>
                      <th scope="row">
                        <code>{f.name}</code>
                      </th>
                      <td>
                        <code>{f.type}</code>
                      </td>
                      <td>
                        {f.computed && <span className="badge">{t("computedBadge")}</span>} {f.description}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ))}
    </>
  );
}
