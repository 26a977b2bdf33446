"use client";

// Uploads with XMLHttpRequest rather than fetch: only XHR reports upload
// progress, which large files need (the bar), before the server's check.
import { useState } from "react";

import { ClientForm } from "@/components/editor/client-form";

interface Problem {
  file: string;
  line: number;
  column: string;
  message: string;
}
type Outcome =
  | { ok: true; dryRun: boolean; reports: number; compositionLines: number; byIssuer: Record<string, number> }
  | { ok: false; problems: Problem[] }
  | { error: { message: string } };

function send(form: FormData, onProgress: (pct: number) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/editor/import");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Outcome);
      } catch {
        resolve({ error: { message: `The server answered ${xhr.status}; nothing was saved.` } });
      }
    };
    xhr.onerror = () => resolve({ error: { message: "The upload failed (network); nothing was saved." } });
    xhr.send(form);
  });
}

export function ImportForm() {
  const [reports, setReports] = useState<File | null>(null);
  const [composition, setComposition] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checked, setChecked] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!reports) return;
    const form = new FormData();
    form.set("reports", reports);
    if (composition) form.set("composition", composition);
    form.set("dryRun", String(dryRun));
    setBusy(true);
    setOutcome(null);
    setProgress(0);
    const result = await send(form, setProgress);
    setBusy(false);
    setProgress(null);
    setOutcome(result);
    setChecked(dryRun && "ok" in result && result.ok);
  };

  return (
    <ClientForm className="editor-form" onSubmit={(e) => e.preventDefault()}>
      <label>
        reports.csv{" "}
        <input type="file" accept=".csv,text/csv" onChange={(e) => (setReports(e.target.files?.[0] ?? null), setChecked(false))} />
      </label>
      <label>
        composition.csv (optional){" "}
        <input type="file" accept=".csv,text/csv" onChange={(e) => (setComposition(e.target.files?.[0] ?? null), setChecked(false))} />
      </label>
      <p>
        <button type="button" disabled={!reports || busy} onClick={() => run(true)}>
          Check (dry run)
        </button>{" "}
        <button type="button" disabled={!checked || busy} onClick={() => run(false)} data-testid="import-commit">
          Import all rows
        </button>
      </p>
      {progress !== null && (
        <p>
          <label>
            Uploading <progress max={100} value={progress} /> {progress}%
          </label>
          {progress === 100 && <span className="sub"> checking every row…</span>}
        </p>
      )}
      <div role="status" aria-live="polite" data-testid="import-outcome">
        {outcome && "error" in outcome && <p className="error">{outcome.error.message}</p>}
        {outcome && "ok" in outcome && !outcome.ok && (
          <>
            <p className="error">
              {outcome.problems.length} {outcome.problems.length === 1 ? "problem" : "problems"}; nothing was saved.
            </p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col" className="num">
                      Line
                    </th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.problems.map((p, i) => (
                    <tr key={i}>
                      <td>{p.file}</td>
                      <td className="num">{p.line}</td>
                      <td>{p.column}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {outcome && "ok" in outcome && outcome.ok && (
          <p>
            {outcome.dryRun ? "Dry run: no problems. Ready to import " : "Imported "}
            {outcome.reports} reports and {outcome.compositionLines} composition lines for {Object.keys(outcome.byIssuer).length} issuers
            {outcome.dryRun ? "." : "; the public pages show them now."}
          </p>
        )}
      </div>
    </ClientForm>
  );
}
