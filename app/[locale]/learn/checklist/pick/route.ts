// The checklist's issuer picker is a plain GET form: this answers it with a
// redirect to the issuer's checklist page, so it works without JavaScript.
import { DEFAULT_LOCALE, isLocale } from "@/i18n/routing";

export async function GET(req: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const { locale: requested } = await params;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const issuer = new URL(req.url).searchParams.get("issuer") ?? "";
  const target = /^[a-z0-9-]{1,80}$/.test(issuer) ? `/${locale}/learn/checklist/${issuer}` : `/${locale}/learn/checklist`;
  return new Response(null, { status: 303, headers: { location: target, "cache-control": "no-store" } });
}
