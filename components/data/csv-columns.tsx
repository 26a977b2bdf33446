import { CSV_FILES, CSV_FORMAT_NOTES, CSV_KINDS, type ColumnOrigin } from "@/lib/domain/csv/columns";

const ORIGIN_LABELS: Record<ColumnOrigin, string> = {
  pack: "as in the public-reports pack",
  extra: "stored field the pack lacks",
  context: "repeated from the report; not read on import",
  computed: "computed by us; not read on import",
};

/** Every column the CSV writers produce, straight from lib/domain/csv/columns.ts. */
export function CsvColumns() {
  return (
    <>
      <ul>
        {CSV_FORMAT_NOTES.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {CSV_KINDS.map((kind) => {
        const f = CSV_FILES[kind];
        return (
          <section key={kind} aria-labelledby={`csv-${kind}`}>
            <h3 id={`csv-${kind}`}>
              {f.title}: <code>{f.file}</code>
            </h3>
            <p className="sub">
              {f.rows}. <a download href={`/data/${f.file}`}>Download {f.file}</a> ·{" "}
              {f.importable ? "part of the importable set of four files" : "for spreadsheets; not an import file"}.
            </p>
            <details>
              <summary>
                The {f.columns.length} columns of {f.file}
              </summary>
              <div className="table-scroll">
                <table data-testid={`columns-${f.file}`}>
                  <caption className="skip">Columns of {f.file}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Column</th>
                      <th scope="col">Meaning</th>
                      <th scope="col">Kind</th>
                      <th scope="col">Produced from</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.columns.map((c) => (
                      <tr key={c.name}>
                        <th scope="row">
                          <code>{c.name}</code>
                        </th>
                        <td>{c.description}</td>
                        <td>{ORIGIN_LABELS[c.origin]}</td>
                        <td>
                          <code>{c.produce}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>
        );
      })}
    </>
  );
}
