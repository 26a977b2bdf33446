import { recordStressDraft } from "@/lib/server/commands/stress-drafts";
import { readJson, writeHandler, type IdContext } from "@/lib/server/edge/http";

/** The stress-event form's body, saved as a new event; the draft is marked published with it. */
export const POST = writeHandler("record stress draft", async (req, { params }: IdContext) => ({
  ...(await recordStressDraft((await params).id, () => readJson(req))),
  status: 201,
}));
