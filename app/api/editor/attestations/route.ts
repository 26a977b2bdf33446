import { createAttestationDraft } from "@/lib/server/commands/attestations";
import { readJson, writeHandler } from "@/lib/server/edge/http";

/** A new draft report. */
export const POST = writeHandler("create attestation", async (req) => ({
  ...(await createAttestationDraft(() => readJson(req))),
  status: 201,
}));
