import { saveAttestationDraft } from "@/lib/server/commands/attestations";
import { readJson, writeHandler, type IdContext } from "@/lib/server/edge/http";

/** Saves a draft at the version the editor started from. */
export const PUT = writeHandler("save attestation draft", async (req, { params }: IdContext) =>
  saveAttestationDraft((await params).id, () => readJson(req)),
);
