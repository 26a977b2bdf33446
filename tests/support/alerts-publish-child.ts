// A separate process for the outbox crash test (tests/integration/alerts-outbox.test.ts):
// an editor publishes a report through the real command (its transaction writes
// the report and the alert event), says so on stdout, then waits to be killed
// with SIGKILL before any delivery runs.
//   node --conditions=react-server --import <polyfills> --import tsx alerts-publish-child.ts <userId> <json input>
// Needs DATABASE_URL, NEXTAUTH_SECRET and VITEST=true (for the test session) in the environment.
import { setTestSession } from "@/lib/server/auth";
import { createAttestationDraft, publishAttestation } from "@/lib/server/commands/attestations";

async function main() {
  const [userId, inputJson] = process.argv.slice(2);
  setTestSession({ uid: userId!, signedInAt: Date.now() });
  const input = JSON.parse(inputJson!) as Record<string, unknown>;
  const draft = await createAttestationDraft({ input });
  await publishAttestation(draft.data.id, { version: draft.data.version, input });
  process.stdout.write(`committed ${draft.data.id}\n`);
  // Stay alive (the pool open, nothing delivered) until the parent kills this process.
  setInterval(() => undefined, 60_000);
}

main().catch((err: unknown) => {
  process.stderr.write(`child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
