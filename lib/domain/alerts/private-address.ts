// Which IP addresses a webhook may never be sent to (issue 20): loopback,
// private networks, carrier-grade NAT, link-local (with the cloud metadata
// address 169.254.169.254), unique-local IPv6, multicast, "this network",
// documentation and benchmarking ranges, and IPv6 forms that carry an IPv4
// address inside (IPv4-mapped, IPv4-compatible, NAT64, 6to4), judged by the
// IPv4 address they carry. lib/server/alerts/webhook-target.ts applies this to
// every address a webhook host resolves to, at subscription and again at every
// send (on the very address connected to), unless WEBHOOK_ALLOW_PRIVATE=true.
// Pure: no imports.

/** "192.0.2.1" → [192, 0, 2, 1]; only the dotted-decimal form (URL and DNS answers are normalised to it). */
export function parseIPv4(s: string): [number, number, number, number] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p, i) => p > 255 || (m[i + 1]!.length > 1 && m[i + 1]!.startsWith("0")))) return null;
  return parts as [number, number, number, number];
}

/** "2001:db8::1" (brackets, a zone "%eth0", an IPv4 tail allowed) → eight 16-bit groups. */
export function parseIPv6(input: string): number[] | null {
  let s = input.trim();
  if (s.startsWith("[") && s.endsWith("]")) s = s.slice(1, -1);
  s = s.replace(/%[\w.-]+$/, "");
  if (!s.includes(":") || !/^[0-9A-Fa-f:.]+$/.test(s)) return null;
  let tail: number[] = [];
  if (s.includes(".")) {
    // "::ffff:192.0.2.1": the last two groups written as IPv4
    const i = s.lastIndexOf(":");
    const v4 = parseIPv4(s.slice(i + 1));
    if (!v4) return null;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    s = s.slice(0, i + 1);
    if (!s.endsWith("::")) s = s.slice(0, -1);
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === "" ? [] : h.split(":").map((g) => (/^[0-9A-Fa-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...head, ...rest].some((n) => Number.isNaN(n))) return null;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1) return given === 8 ? [...head, ...tail] : null;
  if (given > 7) return null;
  return [...head, ...new Array<number>(8 - given).fill(0), ...rest, ...tail];
}

const V4_RANGES: [number, number, number, number, number, string][] = [
  [0, 0, 0, 0, 8, "“this network” (0.0.0.0/8)"],
  [10, 0, 0, 0, 8, "a private network (10.0.0.0/8)"],
  [100, 64, 0, 0, 10, "carrier-grade NAT (100.64.0.0/10)"],
  [127, 0, 0, 0, 8, "loopback (127.0.0.0/8)"],
  [169, 254, 0, 0, 16, "link-local, including cloud metadata (169.254.0.0/16)"],
  [172, 16, 0, 0, 12, "a private network (172.16.0.0/12)"],
  [192, 0, 0, 0, 24, "IETF protocol assignments (192.0.0.0/24)"],
  [192, 0, 2, 0, 24, "documentation (192.0.2.0/24)"],
  [192, 168, 0, 0, 16, "a private network (192.168.0.0/16)"],
  [198, 18, 0, 0, 15, "benchmarking (198.18.0.0/15)"],
  [198, 51, 100, 0, 24, "documentation (198.51.100.0/24)"],
  [203, 0, 113, 0, 24, "documentation (203.0.113.0/24)"],
  [224, 0, 0, 0, 4, "multicast (224.0.0.0/4)"],
  [240, 0, 0, 0, 4, "reserved or broadcast (240.0.0.0/4)"],
];

const v4Int = (p: readonly number[]) => ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;

function ipv4Reason(p: readonly number[]): string | null {
  const n = v4Int(p);
  for (const [a, b, c, d, bits, why] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === (v4Int([a, b, c, d]) & mask) >>> 0) return why;
  }
  return null;
}

const embedded = (g: number[], from: number) => [g[from]! >> 8, g[from]! & 255, g[from + 1]! >> 8, g[from + 1]! & 255];

function ipv6Reason(g: number[]): string | null {
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(8)) return "the unspecified address (::)";
  if (zeros(7) && g[7] === 1) return "loopback (::1)";
  // IPv4-mapped ::ffff:a.b.c.d and the deprecated IPv4-compatible ::a.b.c.d carry an IPv4 address.
  if (zeros(5) && g[5] === 0xffff) return ipv4Reason(embedded(g, 6)) ?? null;
  if (zeros(6)) return ipv4Reason(embedded(g, 6)) ?? "an IPv4-compatible address (::/96)";
  // NAT64 64:ff9b::/96 translates to the IPv4 address it carries; 64:ff9b:1::/48 is local-use.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Reason(embedded(g, 6));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return "local-use NAT64 (64:ff9b:1::/48)";
  if (g[0] === 0x2002) return ipv4Reason(embedded(g, 1)); // 6to4: the IPv4 address in groups 1-2
  if (g[0] === 0x2001 && g[1] === 0) return "Teredo (2001::/32)";
  if (g[0] === 0x2001 && g[1] === 0xdb8) return "documentation (2001:db8::/32)";
  if (g[0] === 0x100 && g.slice(1, 4).every((x) => x === 0)) return "discard-only (100::/64)";
  if ((g[0]! & 0xfe00) === 0xfc00) return "unique-local (fc00::/7)";
  if ((g[0]! & 0xffc0) === 0xfe80) return "link-local (fe80::/10)";
  if ((g[0]! & 0xffc0) === 0xfec0) return "site-local (fec0::/10)";
  if ((g[0]! & 0xff00) === 0xff00) return "multicast (ff00::/8)";
  return null;
}

/**
 * Why a webhook may not be sent to this address (loopback, private, link-local,
 * …), or null when it is a public address. Anything that is not an IP address
 * is refused too ("not an IP address"): callers resolve host names first.
 */
export function privateAddressReason(address: string): string | null {
  const v4 = parseIPv4(address.trim());
  if (v4) return ipv4Reason(v4);
  const v6 = parseIPv6(address);
  if (v6) return ipv6Reason(v6);
  return "not an IP address";
}

export function isPrivateAddress(address: string): boolean {
  return privateAddressReason(address) !== null;
}

/** The host of a URL as an IP literal (brackets removed), or null for a name. */
export function ipLiteralHost(url: URL): string | null {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return parseIPv4(host) || parseIPv6(host) ? host : null;
}
