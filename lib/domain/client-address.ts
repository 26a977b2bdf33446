// Which address a request came from, for the per-network limits (sign-in, the
// reader-suggestion form). The connection's remote address is the one thing a
// client cannot choose; X-Forwarded-For is whatever the client, or a proxy,
// wrote. So the header counts only as far as TRUST_PROXY says proxies stand in
// front of this server, and without TRUST_PROXY it does not count at all: a
// client writing a new X-Forwarded-For per request would otherwise get a fresh
// limit per request.
// Pure: no imports.

/**
 * Set by our HTTP server (scripts/server.ts) from the socket's remote address,
 * after deleting any copy the client sent. Route handlers cannot see the socket;
 * this header is how it reaches them, and the only place the address comes from.
 */
export const REMOTE_ADDRESS_HEADER = "x-usd1-remote-addr";

export type TrustProxy =
  /** No proxy in front: the socket address is the client. */
  | { kind: "none" }
  /** This many proxies in front, each appending the address it saw to X-Forwarded-For. */
  | { kind: "hops"; hops: number }
  /** These proxies (normalised addresses) may stand in front; anything else is a client. */
  | { kind: "list"; proxies: readonly string[] };

/** More hops than any real deployment has is a mistake, not a setting. */
export const MAX_TRUSTED_HOPS = 10;

export type ParsedTrustProxy = { ok: true; value: TrustProxy } | { ok: false; message: string };

const USAGE =
  "TRUST_PROXY must be the number of proxies in front of the server (such as 1) or a comma-separated list of their IP addresses (such as 10.0.0.2,10.0.0.3)";

export function parseTrustProxy(raw: string | undefined): ParsedTrustProxy {
  const text = (raw ?? "").trim();
  if (text === "" || text === "0") return { ok: true, value: { kind: "none" } };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_TRUSTED_HOPS)
      return { ok: false, message: `${USAGE}; ${text} hops is more than ${MAX_TRUSTED_HOPS}, which no real setup has` };
    return { ok: true, value: { kind: "hops", hops } };
  }
  const entries = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const proxies: string[] = [];
  for (const entry of entries) {
    // Only bare addresses: a port or brackets here would mean the setting was copied from somewhere else.
    const bare = /^[0-9A-Fa-f:.]+$/.test(entry) && !/^[\d.]+:\d+$/.test(entry);
    const address = bare ? normalizeAddress(entry) : null;
    if (!address) return { ok: false, message: `${USAGE}; "${entry.slice(0, 60)}" is not an IP address` };
    if (!proxies.includes(address)) proxies.push(address);
  }
  if (proxies.length === 0) return { ok: false, message: USAGE };
  return { ok: true, value: { kind: "list", proxies } };
}

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/**
 * One address in the form every comparison and every stored value uses: IPv4
 * dotted, IPv6 compressed and lower-case, an IPv4-mapped IPv6 address
 * ("::ffff:192.0.2.1", what a dual-stack socket reports) as plain IPv4. A port
 * ("192.0.2.1:5000", "[2001:db8::1]:443") or zone ("fe80::1%eth0") is dropped.
 * Anything that is not an address gives null.
 */
export function normalizeAddress(raw: string): string | null {
  let s = raw.trim();
  if (s.length === 0 || s.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%[\w.-]+$/, "");
  if (IPV4.test(s)) return s;
  // Checked first: the URL parser below would otherwise read "::1]/x[" as an address plus a path.
  if (!s.includes(":") || !/^[0-9A-Fa-f:.]+$/.test(s)) return null;
  let host: string;
  try {
    host = new URL(`http://[${s}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return host;
}

export interface AddressSources {
  /** The connection's remote address, as our server passed it on. */
  socket: string | null | undefined;
  /** X-Forwarded-For as received (several headers joined by commas), nearest proxy last. */
  forwardedFor: string | null | undefined;
  trust: TrustProxy;
}

/**
 * The client's address. Without trusted proxies it is the socket's. With a hop
 * count n it is the n-th X-Forwarded-For entry from the right, the address the
 * outermost trusted proxy saw (when fewer proxies wrote entries than trusted, the
 * leftmost entry). With a list it counts only when the socket is itself a listed
 * proxy: X-Forwarded-For is walked from the right over listed proxies, and the
 * first address that is not one is the client. Entries left of that were written
 * by whoever the client is, so they never count. Null when the socket address is
 * missing or unreadable.
 */
export function clientAddress({ socket, forwardedFor, trust }: AddressSources): string | null {
  const peer = socket ? normalizeAddress(socket) : null;
  if (!peer || trust.kind === "none") return peer;
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (trust.kind === "hops") {
    if (chain.length === 0) return peer;
    // An entry a trusted proxy wrote is an address; if it is not, the proxy is what we know.
    return normalizeAddress(chain[Math.max(0, chain.length - trust.hops)]!) ?? peer;
  }
  if (!trust.proxies.includes(peer)) return peer;
  let nearest = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normalizeAddress(chain[i]!);
    if (!address) return nearest;
    if (!trust.proxies.includes(address)) return address;
    nearest = address;
  }
  return nearest;
}

/**
 * What our server does to every request before Next sees it: the client's own
 * copy of the header goes (Node joins repeated headers, so one delete removes
 * them all), and the socket's address takes its place.
 */
export function setRemoteAddressHeader(headers: Record<string, string | string[] | undefined>, remoteAddress: string | undefined): void {
  delete headers[REMOTE_ADDRESS_HEADER];
  if (remoteAddress) headers[REMOTE_ADDRESS_HEADER] = remoteAddress;
}
