"use server";

// Retracting is a server action (admin only): the report stays public, marked
// retracted with the reason; updateTag lets the admin see it at once.
import { type ActionResult } from "@/lib/domain/views/editor";
import { retractAttestation } from "@/lib/server/commands/attestations";
import { runAction, text } from "@/lib/server/edge/action";

export async function retractAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction("retract attestation", async () => {
    const { data, tags } = await retractAttestation(text(form, "id") ?? "", {
      version: text(form, "version"),
      reason: text(form, "reason"),
    });
    return { data: { id: data.id, version: data.version }, tags };
  });
}
