// `npm run create-admin -- --email you@example.org --name "Your Name" [--password-stdin]`
// Creates an admin account in the database `npm start` uses (DATABASE_URL when
// set). Without --password-stdin it generates a password and prints it once;
// with it, the password is read from standard input (for scripts:
// `printf '%s' "$PASSWORD" | npm run create-admin -- --email … --name … --password-stdin`).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { CommandError } from "@/lib/server/commands/errors";
import { createAdmin } from "@/lib/server/commands/users";

import { withAppDatabase } from "./lib/app-database";
import { log } from "./lib/project";
import { prismaFor } from "./lib/seed";

const USAGE = 'usage: npm run create-admin -- --email you@example.org --name "Your Name" [--password-stdin]';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean", default: false } },
    strict: true,
  });
  if (!values.email || !values.name) throw new Error(USAGE);
  const generated = !values["password-stdin"];
  // 24 characters from 144 random bits: beyond guessing, and easy to paste once.
  const password = generated ? randomBytes(18).toString("base64url") : await readStdin();
  const created = await withAppDatabase(async (url) => {
    const prisma = prismaFor(url);
    try {
      return await createAdmin(prisma, { email: values.email, displayName: values.name, password });
    } finally {
      await prisma.$disconnect();
    }
  });
  log(`admin created: ${created.email}`);
  if (generated) {
    log(`password (shown once; store it in your password manager): ${password}`);
  }
  log("sign in at /editor/sign-in");
}

main().catch((err: unknown) => {
  if (err instanceof CommandError) {
    const fields = Object.entries(err.details.fieldErrors ?? {}).map(([k, v]) => `  ${k}: ${v.join("; ")}`);
    process.stderr.write(`[usd1-backed] ${err.message}\n${fields.join("\n")}\n`);
  } else process.stderr.write(`[usd1-backed] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
