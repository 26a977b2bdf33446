import "server-only";

// A report file an editor uploads: stored under UPLOAD_DIR, named by its
// SHA-256 (so the same file is stored once and the name proves the content),
// with a size limit and a short list of types recognised by their first bytes,
// not by what the browser claims. HTML is refused: a stored page could carry script.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

import { env } from "@/lib/server/env";

import { defineCommand } from "./define";
import { CommandError } from "./errors";

export interface StoredFile {
  sha256: string;
  size: number;
  type: string;
  alreadyStored: boolean;
}

const KINDS = [
  { ext: "pdf", type: "application/pdf", test: (b: Buffer) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  {
    ext: "png",
    type: "image/png",
    test: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { ext: "jpg", type: "image/jpeg", test: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    ext: "xlsx",
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    test: (b: Buffer, name: string) => b.subarray(0, 4).toString("latin1") === "PK\u0003\u0004" && /\.xlsx$/i.test(name),
  },
  {
    ext: "csv",
    type: "text/csv",
    test: (b: Buffer, name: string) => /\.(csv|txt)$/i.test(name) && !b.includes(0) && !/<\s*(script|html|svg)/i.test(b.toString("utf8")),
  },
] as const;

export const ACCEPTED_UPLOADS = "PDF, PNG, JPEG, XLSX or CSV";

export function maxUploadBytes(): number {
  return env().UPLOAD_MAX_MB * 1024 * 1024;
}

export function uploadDir(): string {
  // A folder chosen at run time: the bundler must not try to trace it (it would pull in the whole project).
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().UPLOAD_DIR);
}

/** The body is the file itself (from a multipart field), or the route's function reading it. */
export const storeReportFile = defineCommand({
  name: "upload report file",
  role: "editor",
  schema: z.custom<Blob>((f) => f instanceof Blob && f.size > 0, { message: "no file was sent", path: ["file"] }),
  invalid: "Choose a file to upload.",
  async run(_tx, file) {
    const limit = maxUploadBytes();
    if (file.size > limit) throw new CommandError("too_large", `The file is larger than ${env().UPLOAD_MAX_MB} MB; nothing was stored.`);
    const name = "name" in file && typeof file.name === "string" ? file.name : "";
    const bytes = Buffer.from(await file.arrayBuffer());
    const head = bytes.subarray(0, 8192);
    const kind = KINDS.find((k) => k.test(head, name));
    if (!kind) throw new CommandError("unsupported_type", `Only ${ACCEPTED_UPLOADS} files can be uploaded; nothing was stored.`);

    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const dir = uploadDir();
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(/*turbopackIgnore: true*/ dir, `${sha256}.${kind.ext}`);
    const alreadyStored = fs.existsSync(target);
    // Written beside the target under a temporary name, and moved into place only once
    // the audit entry has committed: a refused or failed upload leaves no file behind.
    const temp = alreadyStored ? null : path.join(/*turbopackIgnore: true*/ dir, `.upload-${randomBytes(6).toString("hex")}`);
    if (temp) fs.writeFileSync(temp, bytes, { mode: 0o640 });
    return {
      data: { sha256, size: bytes.length, type: kind.type, alreadyStored } satisfies StoredFile,
      audit: {
        action: "upload",
        entityType: "report_file",
        entityId: sha256,
        after: { sha256, size: bytes.length, type: kind.type, name: name.slice(0, 200) },
      },
      settle(committed) {
        if (!temp) return;
        try {
          if (committed) fs.renameSync(temp, target);
        } finally {
          fs.rmSync(temp, { force: true });
        }
      },
    };
  },
});
