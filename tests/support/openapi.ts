// Checks a response body against the OpenAPI document's own schema for it,
// with a JSON Schema 2020-12 validator (OpenAPI 3.1's schema dialect). The
// whole document is registered once, so $refs between components resolve.
import { Ajv2020 } from "ajv/dist/2020.js";

type Doc = { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }> };

export function responseChecker(doc: object) {
  // Formats (date, uri) are documentation here; the schemas carry patterns where it matters.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(doc, "openapi.json");
  const pointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
  return (path: string, status: string, body: unknown): string[] => {
    const content = (doc as Doc).paths[path]?.get.responses[status]?.content?.["application/json"];
    if (!content) return [`no ${status} application/json schema documented for ${path}`];
    const validate = ajv.compile({ $ref: `openapi.json#/paths/${pointer(path)}/get/responses/${status}/content/application~1json/schema` });
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
  };
}

/** Every schema of the document compiles as JSON Schema 2020-12 (a malformed one throws here). */
export function compileAllComponents(doc: { components: { schemas: Record<string, unknown> } }): string[] {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  ajv.addSchema(doc, "openapi.json");
  return Object.keys(doc.components.schemas).map((id) => {
    ajv.compile({ $ref: `openapi.json#/components/schemas/${id}` });
    return id;
  });
}
