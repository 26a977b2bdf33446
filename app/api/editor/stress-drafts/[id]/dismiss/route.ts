import { dismissStressDraft } from "@/lib/server/commands/stress-drafts";
import { readJson, writeHandler, type IdContext } from "@/lib/server/edge/http";

export const POST = writeHandler("dismiss stress draft", async (req, { params }: IdContext) =>
  dismissStressDraft((await params).id, () => readJson(req)),
);
