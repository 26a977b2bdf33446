"use client";

// A save refused because someone else saved first: what they changed, field by
// field, and two explicit ways on. Nothing is ever overwritten silently.
import { showValue } from "@/lib/domain/editor/diff";

import type { ApiErrorBody } from "./api";
import { FormMessage } from "./ui";

export function ConflictNotice({ failure, onReload, onKeepMine }: { failure: ApiErrorBody; onReload: () => void; onKeepMine: () => void }) {
  const changes = failure.changes ?? [];
  return (
    <FormMessage kind="error" testId="conflict">
      <p>{failure.message}</p>
      {changes.length > 0 ? (
        <div className="table-scroll">
          <table className="changes">
            <caption>Changed meanwhile</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">When you opened it</th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.field} data-testid="conflict-change">
                  <th scope="row">{c.field}</th>
                  <td>{showValue(c.was)}</td>
                  <td>{showValue(c.now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>The saved values are the same as when you opened it, but it was saved again meanwhile.</p>
      )}
      <p className="actions">
        <button type="button" className="btn" onClick={onReload}>
          Discard my edits and load the current version
        </button>
        <button type="button" className="btn" onClick={onKeepMine}>
          Keep my edits on top of the current version (then save again)
        </button>
      </p>
    </FormMessage>
  );
}

export function FailureNotice({ failure }: { failure: ApiErrorBody }) {
  const fields = Object.entries(failure.fieldErrors ?? {});
  return (
    <FormMessage kind="error" testId="save-error">
      {failure.message}
      {fields.length > 0 && (
        <ul>
          {fields.map(([field, messages]) => (
            <li key={field}>
              {field === "_form" ? "" : `${field}: `}
              {messages.join("; ")}
            </li>
          ))}
        </ul>
      )}
      {failure.existing && (
        <>
          {" "}
          <a href={failure.existing.href} data-testid="existing-report-link">
            Open the existing report
          </a>
          .
        </>
      )}
    </FormMessage>
  );
}
