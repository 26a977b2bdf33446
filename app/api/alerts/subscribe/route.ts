// POST /api/alerts/subscribe: follow an issuer (or all) by e-mail or webhook.
// No account (listed in PUBLIC_WRITES): the cross-site check, the rate limits
// and the e-mail double opt-in guard it (lib/server/alerts/subscriptions.ts).
//
// JSON (application/json): 201 with the SubscribeResult; a webhook's answer
//   holds its secret and management token, shown this once. Refusals: the usual
//   { error: { kind, code, message, fieldErrors? } } with 400/409/429/503.
// Form (no JavaScript needed): e-mail → 303 to /<locale>/follow/sent; webhook →
//   a page showing the secret once; a refusal → 303 back to the `return` path
//   (a same-site page, else the issuer's page) with ?followError=<code>&followFields=…#follow.
// Fields: see lib/domain/alerts/subscription-request.ts (plus `return`).
import { isSlug } from "@/lib/domain/schemas/common";
import {
  backWithError,
  errorJson,
  localeOf,
  NO_STORE,
  readAlertBody,
  safeReturnPath,
  seeOther,
  webhookCreatedPage,
} from "@/lib/server/alerts/http";
import { FOLLOW_PAGES } from "@/lib/server/alerts/links";
import { subscribe } from "@/lib/server/alerts/subscriptions";
import { refuseCrossSite } from "@/lib/server/edge/http";
import { clientIp } from "@/lib/server/sign-in/rate-limit";

export async function POST(req: Request): Promise<Response> {
  let isForm = false;
  let back = "/en";
  try {
    const type = (req.headers.get("content-type") ?? "").toLowerCase();
    isForm = type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    refuseCrossSite(req);
    const body = await readAlertBody(req);
    const locale = localeOf(body.fields.locale, req);
    const issuer = body.fields.issuer;
    back = safeReturnPath(body.fields.return, locale) ?? `/${locale}${isSlug(issuer) ? `/issuers/${issuer}` : ""}`;
    const result = await subscribe(body.fields, { ip: clientIp(req.headers) });
    if (!isForm) return Response.json(result, { status: 201, headers: NO_STORE });
    if (result.channel === "webhook") return webhookCreatedPage(result);
    return seeOther(`/${result.locale}${FOLLOW_PAGES.sent}`);
  } catch (err) {
    return isForm ? backWithError(back, err) : errorJson(err, "alerts subscribe");
  }
}
