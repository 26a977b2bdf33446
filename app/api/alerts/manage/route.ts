// /api/alerts/manage?token=…: the management link's data.
// GET: the ManagedSubscription as JSON (masked address, kinds, status, the
//   delivery log with every try), 404 for an unknown token.
// POST (listed in PUBLIC_WRITES; cross-site refused; the token is the key):
//   change `kinds` (and `digest`, e-mail only); JSON answers the updated
//   subscription, a form post 303s back to the management page with ?updated=1.
import { AlertError } from "@/lib/server/alerts/errors";
import { errorJson, localeOf, NO_STORE, readAlertBody, seeOther } from "@/lib/server/alerts/http";
import { managePath } from "@/lib/server/alerts/links";
import { manage, updateSubscription } from "@/lib/server/alerts/subscriptions";
import { isTokenShape } from "@/lib/server/alerts/tokens";
import { refuseCrossSite } from "@/lib/server/edge/http";

export async function GET(req: Request): Promise<Response> {
  try {
    const token = new URL(req.url).searchParams.get("token");
    if (!isTokenShape(token)) throw new AlertError("unknown_token", "validation", "This management link is not valid.");
    const current = await manage(token);
    if (!current) throw new AlertError("unknown_token", "not_found", "This management link is not known.");
    return Response.json(current, { headers: NO_STORE });
  } catch (err) {
    return errorJson(err, "alerts manage");
  }
}

export async function POST(req: Request): Promise<Response> {
  let isForm = false;
  let back: string | null = null;
  try {
    refuseCrossSite(req);
    const url = new URL(req.url);
    const body = await readAlertBody(req);
    isForm = body.isForm;
    const token = url.searchParams.get("token") ?? body.fields.token;
    if (!isTokenShape(token)) throw new AlertError("unknown_token", "validation", "This management link is not valid.");
    // An unticked checkbox sends nothing: a form without `digest` means "no digest".
    const fields = body.isForm && body.fields.digest === undefined ? { ...body.fields, digest: "false" } : body.fields;
    const updated = await updateSubscription(token, fields);
    back = managePath(updated.locale, token);
    if (isForm) return seeOther(`${back}&updated=1`);
    return Response.json(updated, { headers: NO_STORE });
  } catch (err) {
    if (isForm && back === null) {
      const token = new URL(req.url).searchParams.get("token");
      if (isTokenShape(token)) {
        const code = err instanceof AlertError ? err.code : "invalid";
        const current = await manage(token, { deliveries: 0 }).catch(() => null);
        return seeOther(`${managePath(current?.locale ?? localeOf(null, req), token)}&followError=${code}`);
      }
    }
    return errorJson(err, "alerts manage");
  }
}
