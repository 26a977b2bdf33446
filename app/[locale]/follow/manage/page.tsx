import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Suspense } from "react";

import { ALERT_EVENT_KINDS } from "@/lib/domain/alerts/kinds";
import { utcMinute } from "@/lib/domain/dates";
import { manage } from "@/lib/server/alerts/subscriptions";
import { Link } from "@/components/i18n/link";

// The management link of every alert (?token=…): what is followed, where it goes, and
// every delivery with each try, so a subscriber can see why a webhook stopped. The
// token is the only key: no account. Per request, never cached, never indexed.

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("follow.manage");
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

async function Manage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const [t, tf, sub] = await Promise.all([getTranslations("follow.manage"), getTranslations("follow"), manage(token)]);
  const confirmed = params.confirmed === "1" || params.confirmed === "already";
  if (!sub) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p role="alert" data-testid="manage-unknown">
          {t("unknown")}
        </p>
      </>
    );
  }
  const q = `token=${encodeURIComponent(token)}`;
  const live = sub.status === "active" || sub.status === "pending";
  return (
    <>
      <h1>{t("title")}</h1>
      {confirmed && (
        <p role="status" className="notice-inline" data-testid="follow-confirmed">
          <strong>{tf("confirmed.title")}.</strong> {tf("confirmed.body")}
        </p>
      )}
      {params.updated === "1" && (
        <p role="status" className="notice-inline">
          {t("updated")}
        </p>
      )}
      <dl className="facts" data-testid="manage-subscription">
        <div className="fact">
          <dt>{t("channel")}</dt>
          <dd>{sub.addressMasked ?? "—"}</dd>
        </div>
        <div className="fact">
          <dt>{t("status")}</dt>
          <dd data-testid="manage-status">{t(`statusValue.${sub.status}`)}</dd>
        </div>
        <div className="fact">
          <dt>{t("issuer")}</dt>
          <dd>{sub.issuer ? <Link href={`/issuers/${sub.issuer.slug}`}>{sub.issuer.name}</Link> : t("allIssuers")}</dd>
        </div>
        <div className="fact">
          <dt>{t("since")}</dt>
          <dd>
            <time dateTime={sub.createdAt}>{t("utc", { time: utcMinute(sub.createdAt) })}</time>
          </dd>
        </div>
      </dl>
      {live && (
        <form method="post" action={`/api/alerts/manage?${q}`} className="record-form" data-testid="manage-kinds">
          <fieldset>
            <legend>{t("kinds")}</legend>
            {ALERT_EVENT_KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input type="checkbox" name="kinds" value={kind} defaultChecked={sub.kinds.includes(kind)} /> {tf(`kinds.${kind}`)}
              </label>
            ))}
            {sub.channel === "email" && (
              <label className="choice">
                <input type="checkbox" name="digest" value="on" defaultChecked={sub.digest} /> {tf("digest")}
              </label>
            )}
          </fieldset>
          <p>
            <button type="submit" className="btn">
              {t("update")}
            </button>
          </p>
        </form>
      )}
      {live && (
        <form method="post" action={`/api/alerts/unsubscribe?${q}`} data-testid="manage-unsubscribe">
          <button type="submit" className="btn danger">
            {t("unsubscribe")}
          </button>
        </form>
      )}
      <section aria-labelledby="deliveries-h">
        <h2 id="deliveries-h">{t("deliveries")}</h2>
        {sub.deliveries.length === 0 ? (
          <p>{t("noDeliveries")}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="manage-deliveries">
              <thead>
                <tr>
                  <th scope="col">{t("col.occurred")}</th>
                  <th scope="col">{t("col.event")}</th>
                  <th scope="col">{t("col.status")}</th>
                  <th scope="col" className="num">
                    {t("col.tries")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sub.deliveries.map((d) => (
                  <tr key={d.eventId} data-status={d.status}>
                    <th scope="row">
                      <time dateTime={d.occurredAt}>{t("utc", { time: utcMinute(d.occurredAt) })}</time>
                    </th>
                    <td>
                      {d.summary}
                      {d.log.length > 0 && (
                        <details>
                          <summary>{t("log")}</summary>
                          <ul className="attempt-log">
                            {d.log.map((l) => (
                              <li key={l.attempt}>
                                <time dateTime={l.at}>{utcMinute(l.at)}</time> #{l.attempt} {l.outcome}
                                {l.httpStatus ? ` HTTP ${l.httpStatus}` : ""}
                                {l.smtpResponse ? ` ${l.smtpResponse}` : ""}
                                {l.error ? `: ${l.error}` : ""}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                    <td>{t(`deliveryStatus.${d.status}`)}</td>
                    <td className="num">{d.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export default function ManagePage(props: Props) {
  return (
    <Suspense fallback={null}>
      <Manage {...props} />
    </Suspense>
  );
}
