import { publishAttestation } from "@/lib/server/commands/attestations";
import { readJson, writeHandler, type IdContext } from "@/lib/server/edge/http";

/** Saves the draft's values and publishes it. */
export const POST = writeHandler("publish attestation", async (req, { params }: IdContext) =>
  publishAttestation((await params).id, () => readJson(req)),
);
