// /api/alerts/unsubscribe?token=…: the List-Unsubscribe URL of every message.
// POST (listed in PUBLIC_WRITES; the token is the key) ends the subscription at
// once and erases its address: RFC 8058 one-click (body List-Unsubscribe=One-Click,
// sent by mail clients from their servers, without cookies or Origin) answers
// 200; a form post from the management page is redirected (303) to
// /<locale>/follow/unsubscribed; JSON answers JSON. Repeating it is harmless.
// No cross-site check here: the mail provider's request is cross-site by nature,
// and nothing but the token authorises it.
// GET does nothing destructive (link scanners follow links): 303 to the management page.
import { AlertError } from "@/lib/server/alerts/errors";
import { errorJson, localeOf, NO_STORE, readAlertBody, seeOther } from "@/lib/server/alerts/http";
import { FOLLOW_PAGES, managePath } from "@/lib/server/alerts/links";
import { manage, unsubscribe } from "@/lib/server/alerts/subscriptions";
import { isTokenShape } from "@/lib/server/alerts/tokens";

export async function POST(req: Request): Promise<Response> {
  try {
    const url = new URL(req.url);
    const body = await readAlertBody(req);
    const token = url.searchParams.get("token") ?? body.fields.token;
    if (!isTokenShape(token)) throw new AlertError("unknown_token", "validation", "This unsubscribe link is not valid.");
    const result = await unsubscribe(token);
    if (result.outcome === "unknown")
      throw new AlertError(
        "unknown_token",
        "not_found",
        "This unsubscribe link is not known (it may be older than a change of the server's key).",
      );
    const oneClick = body.fields["List-Unsubscribe"] === "One-Click";
    if (body.isForm && !oneClick) return seeOther(`/${result.locale ?? localeOf(null, req)}${FOLLOW_PAGES.unsubscribed}`);
    return Response.json({ outcome: result.outcome }, { status: 200, headers: NO_STORE });
  } catch (err) {
    return errorJson(err, "alerts unsubscribe");
  }
}

export async function GET(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const token = url.searchParams.get("token");
  const current = isTokenShape(token) ? await manage(token, { deliveries: 0 }).catch(() => null) : null;
  const locale = current?.locale ?? localeOf(url.searchParams.get("locale"), req);
  return seeOther(isTokenShape(token) ? managePath(locale, token) : `/${locale}${FOLLOW_PAGES.expired}?unknown=1`);
}
