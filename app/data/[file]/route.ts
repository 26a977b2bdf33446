// CSV downloads: /data/issuers.csv, reports.csv, composition.csv,
// composition-wide.csv, stress_events.csv, with ?issuer=…&from=…&to=…
// Streamed (not cached): a file may be large, and it is read in one snapshot.
import type { NextRequest } from "next/server";
import { csvParams, parseParams } from "@/lib/domain/api/params";
import { kindForFile } from "@/lib/domain/csv/columns";
import { METHODOLOGY_VERSION } from "@/lib/domain/metrics/versions";
import { exportPool } from "@/lib/server/csv/pool";
import { csvChunks, toWebStream } from "@/lib/server/csv/stream";
import { issuerSlugs } from "@/lib/server/queries/issuer";
import { issuerComputedBySlug } from "@/lib/server/queries/issuer-computed";

const plain = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const kind = kindForFile(file);
  if (!kind) return plain(404, `No such file. The downloads are listed at /data.`);
  const parsed = parseParams(csvParams, request.nextUrl.searchParams);
  if (!parsed.ok) return plain(400, `Bad query: ${parsed.message}`);
  const known = new Set(await issuerSlugs());
  const unknown = parsed.value.issuer.filter((s) => !known.has(s));
  if (unknown.length) return plain(404, `No issuer ${unknown.join(", ")}.`);
  const issuerComputed = kind === "issuers" ? await issuerComputedBySlug() : undefined;
  return new Response(toWebStream(csvChunks(kind, parsed.value, { pool: exportPool(), issuerComputed })), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${file}"`,
      // Short shared lifetime: a publish shows up in downloads within minutes, whatever a CDN keeps.
      "Cache-Control": "public, max-age=60, s-maxage=300",
      "X-Content-Type-Options": "nosniff",
      // Also in the file itself (computed_methodology_version, computed_data_as_of), so a saved copy says it too.
      "Methodology-Version": METHODOLOGY_VERSION,
      Link: '</en/methodology>; rel="describedby"',
    },
  });
}
