import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { db } from "@/lib/server/db";
import { editorPageUser } from "@/lib/server/editor-page";
import { deadLetterJobs, recentJobRuns } from "@/lib/server/jobs";
import { liveStatus } from "@/lib/server/live/queries";

export const metadata: Metadata = { title: "Jobs and live readers" };

const time = (d: Date | null) => (d ? d.toISOString().slice(0, 19).replace("T", " ") : "—");

/** Admins: each scheduled job's last runs (duration, outcome, error), the dead-letter list, and every live reader's state. */
export default async function JobsPage() {
  const user = await editorPageUser();
  if (user.role !== "admin") notFound();
  const prisma = db();
  const [runs, dead, status] = await Promise.all([
    recentJobRuns(prisma, { limit: 100 }),
    deadLetterJobs(prisma, { limit: 50 }),
    liveStatus(prisma),
  ]);
  return (
    <>
      <h1>Jobs and live readers</h1>
      <p className="lede">
        Jobs run {status.jobsInApp ? "inside the app" : "in `npm run worker` (JOBS_IN_APP=false)"}; the live refresh is scheduled at “
        {status.refreshCron}” (UTC), once per slot however many processes run.
      </p>
      {status.configProblems.length > 0 && (
        <ul className="notice-inline">
          {status.configProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <h2>Live readers</h2>
      <div className="table-scroll">
        <table data-testid="readers">
          <thead>
            <tr>
              <th scope="col">Reader</th>
              <th scope="col">State</th>
              <th scope="col">Last success (UTC)</th>
              <th scope="col">Last failure</th>
            </tr>
          </thead>
          <tbody>
            {status.readers.map((r) => (
              <tr key={r.reader}>
                <th scope="row">{r.reader}</th>
                <td>
                  {r.on
                    ? `on, breaker ${r.breaker}${r.consecutiveFailures ? ` (${r.consecutiveFailures} failures in a row, next probe ${time(r.nextProbeAt)})` : ""}`
                    : `off: ${r.reason}`}
                </td>
                <td>{time(r.lastSuccessAt)}</td>
                <td className="sub">{r.lastFailure ? `${time(r.lastFailure.at)}: ${r.lastFailure.error.slice(0, 200)}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Last runs</h2>
      {runs.length === 0 ? (
        <p>No job has run yet.</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="job-runs">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Started (UTC)</th>
                <th scope="col" className="num">
                  Duration
                </th>
                <th scope="col">Attempt</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td>{time(r.startedAt)}</td>
                  <td className="num">{r.durationMs === null ? "running" : `${(r.durationMs / 1000).toFixed(1)} s`}</td>
                  <td>{r.attempt}</td>
                  <td>
                    {r.outcome}
                    {r.error && <div className="sub">{r.error.slice(0, 300)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Dead-letter list</h2>
      {dead.length === 0 ? (
        <p>Nothing: every job that failed was retried successfully, or none failed.</p>
      ) : (
        <ul data-testid="dead-letter">
          {dead.map((d) => (
            <li key={d.id}>
              {d.queue} at {time(d.created_on)}: {JSON.stringify(d.output ?? d.data).slice(0, 300)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
