import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { utcMinute } from "@/lib/domain/dates";
import type { LiveSourceKind } from "@/lib/domain/schemas/live-sources";
import { editorLiveSources, type EditorLiveSources } from "@/lib/server/commands/live-sources";
import { editorPageUser } from "@/lib/server/editor-page";
import { DraftReportButton } from "@/components/editor/live/draft-report-button";
import { LiveSourceForm } from "@/components/editor/live/live-source-form";
import { LiveSourceToggle } from "@/components/editor/live/live-source-toggle";

export const metadata: Metadata = { title: "Live sources" };

const ENTITY: Record<LiveSourceKind, string> = {
  deployments: "live_deployment",
  "reserve-addresses": "live_reserve_address",
  "reserve-feeds": "live_reserve_feed",
  endpoints: "live_endpoint",
};

const utc = (iso: string | null) => (iso ? `${utcMinute(iso)} UTC` : "—");

type AnyRecord =
  | EditorLiveSources["deployments"][number]
  | EditorLiveSources["reserveAddresses"][number]
  | EditorLiveSources["reserveFeeds"][number]
  | EditorLiveSources["endpoints"][number];

/** One record's row: what it is, where it was compiled from, whether it is read, and its actions. */
function RecordRow({ kind, slug, record, what }: { kind: LiveSourceKind; slug: string; record: AnyRecord; what: React.ReactNode }) {
  const src = record.input.sourceUrl;
  return (
    <tr id={`${kind}-${record.id}`} data-testid="live-record">
      <td>{what}</td>
      <td>{src ? <a href={src}>{src}</a> : <span className="sub">no source URL yet</span>}</td>
      <td data-testid="compiled-from">{record.compiledFrom}</td>
      <td>{record.enabled ? "read" : "disabled"}</td>
      <td>
        <LiveSourceToggle kind={kind} id={record.id} version={record.version} enabled={record.enabled} />{" "}
        <Link href={`/editor/audit?entityType=${ENTITY[kind]}&entityId=${record.id}`}>History</Link>
        <details>
          <summary>Edit</summary>
          <LiveSourceForm
            key={record.version}
            kind={kind}
            issuerSlug={slug}
            id={record.id}
            version={record.version}
            initial={record.input}
          />
        </details>
      </td>
    </tr>
  );
}

const SINGULAR: Record<LiveSourceKind, string> = {
  deployments: "token deployment",
  "reserve-addresses": "reserve address",
  "reserve-feeds": "reserve feed",
  endpoints: "transparency endpoint",
};

function Section({
  kind,
  title,
  slug,
  count,
  intro,
  children,
}: {
  kind: LiveSourceKind;
  title: string;
  slug: string;
  count: number;
  intro: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${kind}-h`} id={kind}>
      <h2 id={`${kind}-h`}>
        {title} ({count})
      </h2>
      <p className="sub">{intro}</p>
      {count === 0 ? (
        <p className="sub">None recorded.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">Source</th>
                <th scope="col">Compiled from</th>
                <th scope="col">State</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
      <details>
        <summary>Add a {SINGULAR[kind]}</summary>
        <LiveSourceForm key={`new-${count}`} kind={kind} issuerSlug={slug} id={null} version={null} initial={{ issuerSlug: slug }} />
      </details>
    </section>
  );
}

/** An issuer's live sources (issue 19), each with its source and where it was compiled from; the issuer's own live figures with a one-click draft report. */
export default async function IssuerLiveSourcesPage({ params }: { params: Promise<{ slug: string }> }) {
  await editorPageUser();
  const { slug } = await params;
  const data = await editorLiveSources(slug);
  if (!data) notFound();
  return (
    <>
      <p className="crumbs">
        <Link href={`/editor/issuers/${slug}`}>{data.issuer.name}</Link>
      </p>
      <h1>Live sources of {data.issuer.name}</h1>
      <p className="lede">
        What the live readers read for this issuer between reports. Records shipped with the app say which reference they were compiled
        from; records added here say “entered in the editor”. A disabled record is kept with its readings but no longer read. Draft stress
        events from the price data are on the <Link href="/editor/stress">stress drafts</Link> page.
      </p>

      <Section
        kind="deployments"
        title="Token deployments"
        slug={slug}
        count={data.deployments.length}
        intro="Where the token exists: supply is read per deployment, batched per chain."
      >
        {data.deployments.map((d) => (
          <RecordRow
            key={d.id}
            kind="deployments"
            slug={slug}
            record={d}
            what={
              <>
                <strong>{d.input.symbol}</strong> on {d.input.chain}: <code>{d.input.address}</code>, {d.input.decimals} decimals
                {d.input.note ? <span className="sub"> ({d.input.note})</span> : null}
              </>
            }
          />
        ))}
      </Section>

      <Section
        kind="reserve-addresses"
        title="Reserve addresses"
        slug={slug}
        count={data.reserveAddresses.length}
        intro="Addresses the issuer publishes as holding reserves: the balance of one asset each."
      >
        {data.reserveAddresses.map((a) => (
          <RecordRow
            key={a.id}
            kind="reserve-addresses"
            slug={slug}
            record={a}
            what={
              <>
                <strong>{a.input.label}</strong> on {a.input.chain}: <code>{a.input.address}</code> holding {a.input.asset} (
                <code>{a.input.assetAddress}</code>, {a.input.assetDecimals} decimals)
              </>
            }
          />
        ))}
      </Section>

      <Section
        kind="reserve-feeds"
        title="Reserve feeds"
        slug={slug}
        count={data.reserveFeeds.length}
        intro="On-chain proof-of-reserve feeds (latestRoundData)."
      >
        {data.reserveFeeds.map((f) => (
          <RecordRow
            key={f.id}
            kind="reserve-feeds"
            slug={slug}
            record={f}
            what={
              <>
                <strong>{f.input.reports}</strong> on {f.input.chain}: <code>{f.input.feedAddress}</code>, in {f.input.unit},{" "}
                {f.input.decimals === null ? "decimals read from the feed" : `${f.input.decimals} decimals`}
              </>
            }
          />
        ))}
      </Section>

      <Section
        kind="endpoints"
        title="Transparency endpoints"
        slug={slug}
        count={data.endpoints.length}
        intro="The issuer's own machine-readable figures: issuer-stated, not assured."
      >
        {data.endpoints.map((e) => (
          <RecordRow
            key={e.id}
            kind="endpoints"
            slug={slug}
            record={e}
            what={
              <>
                <strong>{e.input.adapter}</strong>: <a href={e.input.url}>{e.input.url}</a>
                <br />
                <span className="sub">{e.describes}</span>
                {e.failure && (
                  <p className="sub" role="note">
                    Last failure {utc(e.failure.at)}: {e.failure.error}
                  </p>
                )}
                {e.figures.length === 0 ? (
                  <p className="sub">No figure read yet.</p>
                ) : (
                  <ul className="plain" data-testid="issuer-figures">
                    {e.figures.map((f) => (
                      <li key={f.metric}>
                        {f.metric}: <strong>{f.amount}</strong>{" "}
                        <span className="sub">
                          (as of {utc(f.sourceAsOf)}, read {utc(f.readAt)}, reading {f.readingId})
                        </span>
                        {f.draft && (
                          <>
                            {" "}
                            <span className="sub">
                              → tokens outstanding {f.draft.value} ({f.draft.precision})
                            </span>{" "}
                            <DraftReportButton readingId={f.readingId} />
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            }
          />
        ))}
      </Section>
    </>
  );
}
