import { getTranslations } from "next-intl/server";

import { ALERT_EVENT_KINDS, LIVE_ALERT_KINDS, type AlertEventKind } from "@/lib/domain/alerts/kinds";
import type { AlertChannels } from "@/lib/domain/views/alerts";
import type { Locale } from "@/i18n/routing";

/** Kinds ticked by default: the record's own events (live ones are a choice). */
const DEFAULT_KINDS: readonly AlertEventKind[] = [
  "report_published",
  "report_corrected",
  "report_retracted",
  "report_overdue",
  "stress_event",
];
const LANGUAGE = { en: "English", es: "español", pt: "português" } as const;

export interface FollowError {
  code: string;
  fields: string[];
}

/**
 * What depends on the request: a refused request's reasons (?followError=…) and which
 * channels this server has on. Rendered per request in a Suspense island beside the form.
 */
export async function FollowState({ channels, error }: { channels: AlertChannels; error: FollowError | null }) {
  const t = await getTranslations("follow");
  return (
    <>
      {error && (
        <div role="alert" className="error" data-testid="follow-error">
          <p>
            <strong>{t("errors.title")}</strong>: {t.has(`errors.${error.code}`) ? t(`errors.${error.code}`) : t("errors.internal")}
          </p>
          {error.fields.length > 0 && <p>{error.fields.map((f) => (t.has(`field.${f}`) ? t(`field.${f}`) : f)).join(", ")}</p>}
        </div>
      )}
      {!channels.email.on && (
        <p className="sub" data-testid="email-off">
          {t("off.email", { reason: t(`offReason.${channels.email.code}`) })}
        </p>
      )}
    </>
  );
}

/**
 * "Follow": a plain HTML form posted to /api/alerts/subscribe, in the page's static shell so
 * it works without JavaScript (content streamed after the shell needs a script to show).
 * `state` is the per-request island (FollowState in Suspense). A refusal comes back to
 * `returnPath` with ?followError=…; e-mail goes on to "check your inbox", a webhook to a page
 * showing its secret once; e-mail while this server has none is refused with the reason.
 */
export async function FollowForm({
  locale,
  issuer,
  returnPath,
  state,
}: {
  locale: Locale;
  issuer: { slug: string; name: string } | null;
  returnPath: string;
  state: React.ReactNode;
}) {
  const t = await getTranslations("follow");
  return (
    <form method="post" action="/api/alerts/subscribe" className="record-form follow-form" id="follow" data-testid="follow-form">
      {state}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="issuer" value={issuer?.slug ?? "all"} />
      <input type="hidden" name="return" value={returnPath} />
      <div className="hp" aria-hidden="true">
        <label htmlFor="follow-website">{t("hp")}</label>
        <input id="follow-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <fieldset>
        <legend>{t("channel.legend")}</legend>
        <div className="field">
          <label className="choice">
            <input type="radio" name="channel" value="email" defaultChecked /> {t("channel.email")}
          </label>
          <label htmlFor="follow-email">{t("emailLabel")}</label>
          <input id="follow-email" name="email" type="email" autoComplete="email" maxLength={254} aria-describedby="follow-email-hint" />
          <p className="sub" id="follow-email-hint">
            {t("emailHint")}
          </p>
        </div>
        <div className="field">
          <label className="choice">
            <input type="radio" name="channel" value="webhook" /> {t("channel.webhook")}
          </label>
          <label htmlFor="follow-url">{t("urlLabel")}</label>
          <input id="follow-url" name="url" type="url" inputMode="url" maxLength={2000} aria-describedby="follow-url-hint" />
          <p className="sub" id="follow-url-hint">
            {t("urlHint")}
          </p>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("kindsLegend")}</legend>
        {ALERT_EVENT_KINDS.map((kind) => (
          <label key={kind} className="choice">
            <input type="checkbox" name="kinds" value={kind} defaultChecked={DEFAULT_KINDS.includes(kind)} /> {t(`kinds.${kind}`)}
            {(LIVE_ALERT_KINDS as readonly string[]).includes(kind) ? " *" : ""}
          </label>
        ))}
        <p className="sub">* {t("liveKindsNote")}</p>
        <label className="choice">
          <input type="checkbox" name="digest" value="on" /> {t("digest")}
        </label>
      </fieldset>
      <p className="sub">
        {t("languageNote", { language: LANGUAGE[locale] })} {t("privacy")}
      </p>
      <p>
        <button type="submit" className="btn">
          {t("submit")}
        </button>
      </p>
    </form>
  );
}

/** ?followError=…&followFields=a,b as the subscribe route sends a refusal back. */
export function followErrorOf(params: Record<string, string | string[] | undefined>): FollowError | null {
  const code = typeof params.followError === "string" ? params.followError.slice(0, 40) : "";
  if (!/^[a-z_]+$/.test(code)) return null;
  const fields =
    typeof params.followFields === "string"
      ? params.followFields
          .split(",")
          .filter((f) => /^[a-zA-Z_]{1,40}$/.test(f))
          .slice(0, 10)
      : [];
  return { code, fields };
}
