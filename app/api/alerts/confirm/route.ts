// GET /api/alerts/confirm?token=…: the link in the double opt-in message.
// 303 to the management page (?confirmed=1, or ?confirmed=already when it was confirmed
// before), or /<locale>/follow/confirmed when no management link can be made,
// or /<locale>/follow/expired (too old: the address is erased; or unknown).
// POST does the same (listed in PUBLIC_WRITES; the token is the key), for a
// confirmation page that asks for a click: some mail filters open every link
// in a message, which a GET cannot tell from a person.
import { AlertError } from "@/lib/server/alerts/errors";
import { errorJson, localeOf, seeOther } from "@/lib/server/alerts/http";
import { FOLLOW_PAGES, managePath } from "@/lib/server/alerts/links";
import { confirm } from "@/lib/server/alerts/subscriptions";
import { isTokenShape } from "@/lib/server/alerts/tokens";

async function handle(req: Request): Promise<Response> {
  try {
    const url = new URL(req.url);
    const token = url.searchParams.get("token");
    if (req.method === "POST" && !isTokenShape(token))
      throw new AlertError("unknown_token", "validation", "This confirmation link is not valid.");
    const result = await confirm(token);
    const locale = result.locale ?? localeOf(url.searchParams.get("locale"), req);
    if (result.outcome === "confirmed" || result.outcome === "already_confirmed") {
      const state = result.outcome === "confirmed" ? "1" : "already";
      return seeOther(
        result.manageToken ? `${managePath(locale, result.manageToken)}&confirmed=${state}` : `/${locale}${FOLLOW_PAGES.confirmed}`,
      );
    }
    return seeOther(`/${locale}${FOLLOW_PAGES.expired}${result.outcome === "unknown" ? "?unknown=1" : ""}`);
  } catch (err) {
    return errorJson(err, "alerts confirm");
  }
}

export const GET = handle;
export const POST = handle;
