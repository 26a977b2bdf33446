import { updateStressEvent } from "@/lib/server/commands/stress-events";
import { readJson, writeHandler, type IdContext } from "@/lib/server/edge/http";

export const PUT = writeHandler("update stress event", async (req, { params }: IdContext) =>
  updateStressEvent((await params).id, () => readJson(req)),
);
