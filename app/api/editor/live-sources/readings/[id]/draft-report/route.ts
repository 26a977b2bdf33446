import { draftReportFromReading } from "@/lib/server/commands/live-sources";
import { writeHandler, type IdContext } from "@/lib/server/edge/http";

/** One click: an issuer-stated live figure (a stored reading) → a draft issuer report; answers its editor link. */
export const POST = writeHandler("draft report from live figure", async (_req, { params }: IdContext) => ({
  ...(await draftReportFromReading((await params).id)),
  status: 201,
}));
