// Small form primitives of the editor: a label, the control, its error and
// warning, wired for screen readers (aria-invalid, aria-describedby).
import { useId } from "react";

export interface FieldProps {
  label: string;
  error?: string[] | undefined;
  warning?: string | undefined;
  hint?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
  wide?: boolean;
}

export function Field({ label, error, warning, hint, children, wide }: FieldProps) {
  const id = useId();
  const described = [error?.length ? `${id}-err` : null, warning ? `${id}-warn` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${wide ? " wide" : ""}${error?.length ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": !!error?.length, ...(described ? { "aria-describedby": described } : {}) })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error?.length ? (
        <p className="field-error" id={`${id}-err`} data-testid="field-error">
          {error.join("; ")}
        </p>
      ) : null}
      {warning && (
        <p className="field-warning" id={`${id}-warn`}>
          {warning}
        </p>
      )}
    </div>
  );
}

export function Options<T extends string>({
  values,
  labels,
  empty,
}: {
  values: readonly T[];
  labels?: Partial<Record<T, string>>;
  empty?: string;
}) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {labels?.[v] ?? v.replace(/_/g, " ")}
        </option>
      ))}
    </>
  );
}

export function FormMessage({
  kind,
  children,
  testId,
}: {
  kind: "error" | "success" | "info";
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <div className={`form-message ${kind}`} role={kind === "error" ? "alert" : "status"} data-testid={testId}>
      {children}
    </div>
  );
}
