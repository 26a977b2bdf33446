import type { Metadata } from "next";

import { ALERT_EVENT_KINDS, DELIVERY_STATUSES, SUBSCRIPTION_STATUSES } from "@/lib/domain/alerts/kinds";
import { alertsOverview } from "@/lib/server/alerts/overview";
import { alertChannels } from "@/lib/server/alerts/subscriptions";
import { db } from "@/lib/server/db";
import { editorPageUser } from "@/lib/server/editor-page";

export const metadata: Metadata = { title: "Alerts" };

const time = (iso: string) => iso.slice(0, 19).replace("T", " ");

/** Editors: how many follow (counts only, never an address), what was delivered this week, and the latest failed tries. */
export default async function AlertsPage() {
  await editorPageUser();
  const [overview, channels] = await Promise.all([alertsOverview(db(), { failures: 30 }), Promise.resolve(alertChannels())]);
  return (
    <>
      <h1>Alerts</h1>
      <p className="lede">
        Readers follow issuers by e-mail (double opt-in) or signed webhooks. Counts only: addresses are never shown here. E-mail is{" "}
        {channels.email.on ? "on" : `off (${channels.email.reason ?? channels.email.code})`}; webhooks are{" "}
        {channels.webhook.on ? "on" : "off"}.
      </p>
      <h2>Subscriptions</h2>
      <div className="table-scroll">
        <table data-testid="alert-subscriptions">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              {SUBSCRIPTION_STATUSES.map((s) => (
                <th key={s} scope="col" className="num">
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(["email", "webhook"] as const).map((c) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                {SUBSCRIPTION_STATUSES.map((s) => (
                  <td key={s} className="num">
                    {overview.subscriptions[c][s]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Last 7 days</h2>
      <p>
        Deliveries: {DELIVERY_STATUSES.map((s) => `${overview.deliveries7d[s]} ${s}`).join(", ")}. Events recorded:{" "}
        {ALERT_EVENT_KINDS.filter((k) => overview.events7d[k])
          .map((k) => `${overview.events7d[k]} ${k.replace(/_/g, " ")}`)
          .join(", ") || "none"}
        .
      </p>
      <h2>Latest failed tries</h2>
      {overview.recentFailures.length === 0 ? (
        <p>None.</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="alert-failures">
            <thead>
              <tr>
                <th scope="col">At (UTC)</th>
                <th scope="col">Channel</th>
                <th scope="col">Event</th>
                <th scope="col">Issuer</th>
                <th scope="col">Outcome</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {overview.recentFailures.map((f, i) => (
                <tr key={i}>
                  <th scope="row">{time(f.at)}</th>
                  <td>{f.channel}</td>
                  <td>{f.kind}</td>
                  <td>{f.issuerSlug}</td>
                  <td>{f.outcome}</td>
                  <td>{[f.httpStatus ? `HTTP ${f.httpStatus}` : "", f.smtpResponse ?? "", f.error ?? ""].filter(Boolean).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
