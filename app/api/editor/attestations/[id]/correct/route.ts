import { correctAttestation } from "@/lib/server/commands/attestations";
import { readJson, writeHandler, type IdContext } from "@/lib/server/edge/http";

/** A correction to a published report: a new revision, the earlier values kept. */
export const POST = writeHandler("correct attestation", async (req, { params }: IdContext) =>
  correctAttestation((await params).id, () => readJson(req)),
);
