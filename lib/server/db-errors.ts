import "server-only";

// Tells "PostgreSQL cannot be reached right now" apart from every other
// failure, so an editor's save during an outage answers with a message they
// can act on (try again later) instead of a stack trace.

const PRISMA_CONNECTION_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // reached but timed out
  "P1003", // database does not exist (dropped or misconfigured)
  "P1008", // operations timed out
  "P1010", // access denied
  "P1011", // TLS error
  "P1017", // server closed the connection
  "P2024", // timed out waiting for a connection from the pool
]);

const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);

const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EPIPE"]);

const MESSAGES = [
  /can't reach database server/i,
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection (refused|reset)/i,
  /server closed the connection/i,
];

type Loose = { code?: unknown; name?: unknown; message?: unknown; meta?: unknown; cause?: unknown };

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  const e = err as Loose;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string") {
    if (PRISMA_CONNECTION_CODES.has(e.code) || NODE_CODES.has(e.code)) return true;
    // SQLSTATE class 08 (connection exception) and 57P0x (server shutting down or starting)
    if (/^08\d{3}$/.test(e.code) || /^57P0[1-3]$/.test(e.code)) return true;
  }
  const kind = (e.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)?.driverAdapterError?.cause?.kind;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (Array.isArray((err as AggregateError).errors)) {
    if ((err as AggregateError).errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  }
  return isDatabaseUnavailable(e.cause, depth + 1);
}
