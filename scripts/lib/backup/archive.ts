// The built-in backup's file: one gzip stream holding a magic line, the
// manifest as a length-prefixed JSON frame, then each table's COPY output as
// length-prefixed frames ended by an empty frame. COPY output streams in
// chunks of unknown total size, so frames let a table be written and read
// without holding it in memory (tar would need each size up front). gzip's
// CRC catches a damaged or truncated file when it is read to the end.
import { once } from "node:events";
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";

export const MAGIC = Buffer.from("USD1-BACKED-BACKUP\n", "utf8");
export const FORMAT_VERSION = 1;
// No COPY chunk comes near this; a bigger length means the file is not ours or is damaged.
const MAX_FRAME = 256 * 1024 * 1024;

export class BackupError extends Error {}

export interface Manifest {
  format: "usd1-backed logical backup";
  formatVersion: number;
  createdAt: string;
  serverVersion: string;
  /** The schema the tables were read from (restored into the target's own product schema). */
  schema: string;
  encoding: "csv";
  migrations: { name: string; checksum: string }[];
  /** In load order: every table after the tables its foreign keys point to. */
  tables: { name: string; columns: string[]; rows: number }[];
  /** Sequences owned by serial/identity columns, with the value they had. */
  sequences: { table: string; column: string; sequence: string; lastValue: string; isCalled: boolean }[];
}

export class ArchiveWriter {
  private readonly gzip = zlib.createGzip({ level: 6 });
  private readonly done: Promise<void>;

  constructor(file: string) {
    // 0600: the tables include editors' password hashes and invite token hashes.
    this.done = pipeline(this.gzip, fs.createWriteStream(file, { mode: 0o600, flags: "wx" }));
    // Keep a failed write from surfacing as an unhandled rejection before close() awaits it.
    this.done.catch(() => {});
  }

  async start(manifest: Manifest): Promise<void> {
    await this.write(MAGIC);
    await this.frame(Buffer.from(JSON.stringify(manifest), "utf8"));
  }

  async frame(data: Buffer): Promise<void> {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    await this.write(head);
    if (data.length) await this.write(data);
  }

  /** The empty frame that ends a table. */
  endTable(): Promise<void> {
    return this.frame(Buffer.alloc(0));
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
  }

  abort(): void {
    this.gzip.destroy();
  }

  private async write(data: Buffer): Promise<void> {
    if (!this.gzip.write(data)) await once(this.gzip, "drain");
  }
}

export class ArchiveReader {
  private readonly gunzip = zlib.createGunzip();
  private readonly chunks: AsyncIterator<Buffer>;
  private pending: Buffer = Buffer.alloc(0);

  constructor(file: string) {
    // pipeline destroys the gunzip stream on a read error, so the iterator below throws it.
    pipeline(fs.createReadStream(file), this.gunzip).catch(() => {});
    this.chunks = this.gunzip[Symbol.asyncIterator]();
  }

  async manifest(): Promise<Manifest> {
    const magic = await this.read(MAGIC.length, "its header");
    if (!magic.equals(MAGIC)) throw new BackupError("This is not a USD1 Backed backup file.");
    let manifest: Manifest;
    try {
      manifest = JSON.parse((await this.nextFrame("the manifest")).toString("utf8")) as Manifest;
    } catch (err) {
      if (err instanceof BackupError) throw err;
      throw new BackupError("The backup's manifest is not valid JSON: the file is damaged.");
    }
    if (manifest.format !== "usd1-backed logical backup" || typeof manifest.formatVersion !== "number") {
      throw new BackupError("The backup's manifest is not one this program wrote.");
    }
    if (manifest.formatVersion > FORMAT_VERSION) {
      throw new BackupError(
        `The backup uses format ${manifest.formatVersion}; this version reads up to ${FORMAT_VERSION}. Update USD1 Backed and try again.`,
      );
    }
    return manifest;
  }

  /** One table's COPY data, chunk by chunk, up to its empty end frame. */
  async *table(name: string): AsyncGenerator<Buffer> {
    for (;;) {
      const frame = await this.nextFrame(`table ${name}`);
      if (frame.length === 0) return;
      yield frame;
    }
  }

  /** Reads to the end, so gzip checks its CRC and length: a damaged file fails here. */
  async finish(): Promise<void> {
    if (this.pending.length) throw new BackupError("The backup file has unexpected data after its last table.");
    for (;;) {
      const next = await this.chunks.next().catch((err: unknown) => this.damaged(err, "its end"));
      if (next.done) return;
      if (next.value.length) throw new BackupError("The backup file has unexpected data after its last table.");
    }
  }

  close(): void {
    this.gunzip.destroy();
  }

  private async nextFrame(what: string): Promise<Buffer> {
    const length = (await this.read(4, what)).readUInt32BE(0);
    if (length > MAX_FRAME) throw new BackupError(`The backup file is damaged (a frame of ${length} bytes in ${what}).`);
    return length ? this.read(length, what) : Buffer.alloc(0);
  }

  private async read(n: number, what: string): Promise<Buffer> {
    while (this.pending.length < n) {
      const next = await this.chunks.next().catch((err: unknown) => this.damaged(err, what));
      if (next.done) throw new BackupError(`The backup file ends early (in ${what}): it is truncated.`);
      this.pending = this.pending.length ? Buffer.concat([this.pending, next.value]) : next.value;
    }
    const out = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(n);
    return out;
  }

  private damaged(err: unknown, what: string): never {
    const detail = err instanceof Error ? err.message : String(err);
    throw new BackupError(`The backup file cannot be read (in ${what}): ${detail}. It is damaged, truncated or not a backup.`);
  }
}
