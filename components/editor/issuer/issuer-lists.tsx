"use client";

// The issuer's licences and named counterparties (banks, custodians, asset managers).
import { COUNTERPARTY_ROLES } from "@/lib/domain/taxonomy";

import { Options } from "../ui";
import { newCounterparty, newLicence, type CounterpartyState, type LicenceState } from "./issuer-state";

type ErrorsFor = (key: string) => string[] | undefined;

function Err({ errors }: { errors: string[] | undefined }) {
  return errors ? (
    <span className="field-error" data-testid="field-error">
      {errors.join("; ")}
    </span>
  ) : null;
}

export function LicencesEditor({
  rows,
  onChange,
  errorsFor,
}: {
  rows: LicenceState[];
  onChange: (rows: LicenceState[], key: string) => void;
  errorsFor: ErrorsFor;
}) {
  const set = (i: number, patch: Partial<LicenceState>, field: keyof LicenceState) =>
    onChange(
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
      `licences.${i}.${field}`,
    );
  const cell = (i: number, field: "regulator" | "licence" | "jurisdiction" | "since" | "sourceUrl", label: string) => (
    <td>
      <input
        aria-label={`Licence ${i + 1}: ${label}`}
        value={rows[i]![field]}
        onChange={(e) => set(i, { [field]: e.target.value }, field)}
      />
      <Err errors={errorsFor(`licences.${i}.${field}`)} />
    </td>
  );
  return (
    <fieldset>
      <legend>Licences</legend>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="lines">
            <thead>
              <tr>
                <th scope="col">Regulator</th>
                <th scope="col">Licence</th>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Since (YYYY-MM-DD)</th>
                <th scope="col">Source URL</th>
                <th scope="col">
                  <span className="skip">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.key}>
                  {cell(i, "regulator", "regulator")}
                  {cell(i, "licence", "licence")}
                  {cell(i, "jurisdiction", "jurisdiction")}
                  {cell(i, "since", "since")}
                  {cell(i, "sourceUrl", "source URL")}
                  <td>
                    <button
                      type="button"
                      className="btn link"
                      onClick={() =>
                        onChange(
                          rows.filter((_, j) => j !== i),
                          "licences",
                        )
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="btn" onClick={() => onChange([...rows, newLicence()], "licences")}>
        Add a licence
      </button>
    </fieldset>
  );
}

export function CounterpartiesEditor({
  rows,
  onChange,
  errorsFor,
}: {
  rows: CounterpartyState[];
  onChange: (rows: CounterpartyState[], key: string) => void;
  errorsFor: ErrorsFor;
}) {
  const set = (i: number, patch: Partial<CounterpartyState>, field: keyof CounterpartyState) =>
    onChange(
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
      `counterparties.${i}.${field}`,
    );
  return (
    <fieldset>
      <legend>Banks, custodians and asset managers</legend>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="lines">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Source URL</th>
                <th scope="col">
                  <span className="skip">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.key}>
                  <td>
                    <input
                      aria-label={`Counterparty ${i + 1}: name`}
                      value={r.name}
                      onChange={(e) => set(i, { name: e.target.value }, "name")}
                    />
                    <Err errors={errorsFor(`counterparties.${i}.name`)} />
                  </td>
                  <td>
                    <select
                      aria-label={`Counterparty ${i + 1}: role`}
                      value={r.role}
                      onChange={(e) => set(i, { role: e.target.value }, "role")}
                    >
                      <Options values={COUNTERPARTY_ROLES} />
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`Counterparty ${i + 1}: source URL`}
                      value={r.sourceUrl}
                      onChange={(e) => set(i, { sourceUrl: e.target.value }, "sourceUrl")}
                    />
                    <Err errors={errorsFor(`counterparties.${i}.sourceUrl`)} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn link"
                      onClick={() =>
                        onChange(
                          rows.filter((_, j) => j !== i),
                          "counterparties",
                        )
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="btn" onClick={() => onChange([...rows, newCounterparty()], "counterparties")}>
        Add a counterparty
      </button>
    </fieldset>
  );
}
