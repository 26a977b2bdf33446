// Before and after values, field by field. Everything is rendered as text
// (React escapes it), whatever an editor typed into a field.
import { showValue, type FieldDiff } from "@/lib/domain/editor/diff";

export function FieldChangesTable({ diffs, caption }: { diffs: FieldDiff[]; caption?: string }) {
  return (
    <table className="changes">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {diffs.map((d) => (
          <tr key={d.field}>
            <th scope="row">{d.field}</th>
            <td>{showValue(d.was)}</td>
            <td>{showValue(d.now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
