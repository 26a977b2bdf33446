// Playwright global setup: a real SMTP server (smtp-server) on the port the app's
// SMTP_URL names (playwright.config.ts), writing every message it receives to
// .data/e2e-mail/ for the follow test to read (the test workers are other processes).
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export const MAIL_DIR = path.join(__dirname, "..", "..", "..", ".data", "e2e-mail");

export default async function setup() {
  fs.rmSync(MAIL_DIR, { recursive: true, force: true });
  fs.mkdirSync(MAIL_DIR, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        fs.writeFileSync(
          path.join(MAIL_DIR, `${String(++n).padStart(4, "0")}-${to.replace(/[^a-z0-9@.-]/gi, "_")}.eml`),
          Buffer.concat(chunks),
        );
        callback();
      });
    },
  });
  const port = Number(process.env.E2E_SMTP_PORT ?? 2526);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
