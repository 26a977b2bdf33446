// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the
// handlers parse with (lib/domain/api/params.ts, schemas.ts). zod 4's own
// z.toJSONSchema emits JSON Schema 2020-12, which is OpenAPI 3.1's schema
// dialect, so no converter library is needed: components come straight from
// the registry, parameters from the query schemas' fields.
import { z } from "zod";

import { alertsRegistry } from "@/lib/domain/alerts/payload";
import { DELIVERY_ATTEMPT_HEADER, EVENT_ID_HEADER, EVENT_KIND_HEADER, SIGNATURE_HEADER } from "@/lib/domain/alerts/signature";

import { issuerListParams, listParams, pageParams } from "./params";
import { apiRegistry } from "./schemas";

type JsonObject = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function components(registry: typeof apiRegistry = apiRegistry): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, target: "draft-2020-12", io: "output" });
  // Each component is embedded in the document, not a document of its own.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _schema, $id: _id, ...rest } = s as JsonObject;
      void _schema;
      void _id;
      return [id, rest];
    }),
  );
}

function queryParameters(schema: z.ZodObject): JsonObject[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const {
      $schema: _s,
      description,
      examples,
      example,
      ...json
    } = z.toJSONSchema(field as z.ZodType, { io: "input", target: "draft-2020-12" }) as JsonObject;
    void _s;
    const sample = example ?? (Array.isArray(examples) ? examples[0] : undefined);
    return { name, in: "query", required: false, description, schema: json, ...(sample !== undefined ? { example: sample } : {}) };
  });
}

const slugParameter = {
  name: "slug",
  in: "path",
  required: true,
  description: "Issuer slug, e.g. circle.",
  schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
};

const headers = {
  ETag: { description: "Entity tag of this body: send it back as If-None-Match to get 304 Not Modified.", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=60, s-maxage=300", schema: { type: "string" } },
  "Access-Control-Allow-Origin": { description: "* (any site may read the API from a browser).", schema: { type: "string" } },
};

function operation(
  operationId: string,
  summary: string,
  description: string,
  parameters: JsonObject[],
  schemaId: string,
  notFound = false,
) {
  return {
    get: {
      operationId,
      summary,
      description,
      parameters: [
        ...parameters,
        {
          name: "If-None-Match",
          in: "header",
          required: false,
          description: "An ETag from an earlier answer.",
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": { description: "OK", headers, content: { "application/json": { schema: ref(schemaId) } } },
        "304": { description: "Not Modified: the ETag sent in If-None-Match still matches.", headers },
        "400": {
          description: "A query parameter is not valid; the message says which.",
          content: { "application/json": { schema: ref("Error") } },
        },
        ...(notFound ? { "404": { description: "No such issuer.", content: { "application/json": { schema: ref("Error") } } } } : {}),
      },
    },
  };
}

/** Alerts (issue 20): what a followed issuer's webhook receives (lib/domain/alerts/payload.ts). */
function alertWebhook(): JsonObject {
  const header = (name: string, description: string, schema: JsonObject = { type: "string" }) => ({
    name,
    in: "header",
    required: true,
    description,
    schema,
  });
  return {
    post: {
      operationId: "alertWebhook",
      summary: "An alert about a followed issuer",
      description:
        "Sent to the URL given when following an issuer (POST /api/alerts/subscribe with channel webhook): a report published, corrected, retracted or overdue, a stress event, or a live signal. Verify the signature before trusting the body. Private, loopback and link-local addresses are never called; redirects are not followed.",
      parameters: [
        header(
          SIGNATURE_HEADER,
          "t=<unix seconds>,v1=<hex HMAC-SHA256 of `${t}.${body}` keyed with the secret shown once at subscription>. Refuse a t far from your clock (5 minutes).",
        ),
        header(EVENT_ID_HEADER, "The event's id: the same on every retry, so a repeat can be ignored.", {
          type: "string",
          pattern: "^\\d+$",
        }),
        header(EVENT_KIND_HEADER, "The event's kind (as `kind` in the body)."),
        header(DELIVERY_ATTEMPT_HEADER, "1 for the first try, then 2, 3, …", { type: "string", pattern: "^\\d+$" }),
      ],
      requestBody: { required: true, content: { "application/json": { schema: ref("AlertWebhook") } } },
      responses: {
        "2XX": { description: "Acknowledged: the delivery is done." },
        default: {
          description:
            "Anything else, or no answer within 10 s, is retried with exponential backoff (1 min, 2, 4, …); after 6 tries the delivery is dead and shows so in the subscription's delivery log.",
        },
      },
    },
  };
}

export const API_PATHS = {
  issuers: "/api/v1/issuers",
  issuer: "/api/v1/issuers/{slug}",
  issuerAttestations: "/api/v1/issuers/{slug}/attestations",
  issuerLive: "/api/v1/issuers/{slug}/live",
  attestations: "/api/v1/attestations",
  stressEvents: "/api/v1/stress-events",
  openapi: "/api/v1/openapi.json",
} as const;

export function openApiDocument(): JsonObject {
  const page = queryParameters(pageParams);
  return {
    openapi: "3.1.0",
    info: {
      title: "USD1 Backed public API",
      version: "1.0.0",
      summary: "Read-only data on how dollar stablecoins are backed: issuers, reserve reports and stress events.",
      description:
        "No key, no sign-up. Amounts, shares and prices are decimal strings at the precision stored, each figure with how exact the source gave it. Figures we compute are under `computed` (marked x-computed). Lists are paged with an opaque cursor. Answers carry an ETag (send If-None-Match for a 304) and may be cached for a few minutes.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths: {
      [API_PATHS.issuers]: operation("listIssuers", "Every issuer", "Issuers in slug order.", page, "IssuerList"),
      [API_PATHS.issuer]: operation(
        "getIssuer",
        "One issuer",
        "The issuer's facts with its latest coverage ratio and composition (computed).",
        [slugParameter],
        "IssuerDetail",
        true,
      ),
      [API_PATHS.issuerLive]: operation(
        "getIssuerLive",
        "One issuer's live signals",
        "Supply by chain, on-chain reserves and the issuer's own live figures as last read, each with its block or slot and read time; readers that are off say why. Not attested figures.",
        [slugParameter],
        "IssuerLive",
        true,
      ),
      [API_PATHS.issuerAttestations]: operation(
        "listIssuerAttestations",
        "One issuer's reports",
        "Published and retracted reports of the issuer, newest as-of date first, each with its composition lines.",
        [slugParameter, ...queryParameters(issuerListParams)],
        "AttestationList",
        true,
      ),
      [API_PATHS.attestations]: operation(
        "listAttestations",
        "Every report",
        "Published and retracted reports of every issuer, newest as-of date first.",
        queryParameters(listParams),
        "AttestationList",
      ),
      [API_PATHS.stressEvents]: operation(
        "listStressEvents",
        "Stress events",
        "Newest start date first; undated events last.",
        queryParameters(listParams),
        "StressEventList",
      ),
    },
    webhooks: { alert: alertWebhook() },
    components: { schemas: { ...components(), ...components(alertsRegistry) } },
  };
}
