// The no-JavaScript suggestion form posts here (no account: listed in
// PUBLIC_WRITES). Success answers 303 to the one-time follow link; a refusal
// answers an HTML page with the reason. No session is read.
import { CommandError } from "@/lib/server/commands/errors";
import { submitSuggestion } from "@/lib/server/commands/suggestions";
import { refuseCrossSite } from "@/lib/server/edge/http";
import { clientIp } from "@/lib/server/sign-in/rate-limit";
import { refusalPage } from "@/lib/server/suggestions/refusal-page";
import { DEFAULT_LOCALE, isLocale, localizeHref } from "@/i18n/routing";

type Ctx = { params: Promise<{ locale: string; slug: string }> };
const FIELDS = ["website", "stamp", "field", "figure", "proposedValue", "sourceUrl", "contact", "reportId"] as const;

export async function POST(req: Request, { params }: Ctx): Promise<Response> {
  const { locale: requested, slug } = await params;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const back = `/${locale}/issuers/${encodeURIComponent(slug)}/suggest`;
  try {
    refuseCrossSite(req);
    const type = (req.headers.get("content-type") ?? "").toLowerCase();
    if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
      throw new CommandError("unsupported_type", "Send the suggestion form.");
    }
    const form = await req.formData().catch(() => {
      throw new CommandError("validation", "The form could not be read; nothing was saved.");
    });
    const fields: Record<string, string | undefined> = {};
    for (const name of FIELDS) {
      const v = form.get(name);
      fields[name] = typeof v === "string" ? v : undefined;
    }
    const { data } = await submitSuggestion(slug, fields, { ip: clientIp(req.headers) });
    return new Response(null, {
      status: 303,
      headers: {
        location: `${localizeHref(data.followPath, locale)}?new=1`,
        "cache-control": "no-store",
        "referrer-policy": "no-referrer",
      },
    });
  } catch (err) {
    return refusalPage(err, back);
  }
}
