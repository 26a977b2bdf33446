// Requests refused before Next sees them, with a plain answer instead of an
// error page from deep inside the router: an address whose percent-escapes are
// not UTF-8 ("%C0%AF") or that holds a NUL, and a server-action POST from
// another origin (Next refuses those too, but as a 500). Pure.

export interface EdgeRefusal {
  status: 400 | 403 | 404;
  message: string;
}

interface RequestLike {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

const header = (r: RequestLike, name: string) => {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const MAX_SEGMENT = 200;

export function edgeRefusal(req: RequestLike): EdgeRefusal | null {
  const raw = req.url ?? "/";
  const [path = "/", query = ""] = raw.split("?", 2);
  for (const part of [path, query.replace(/\+/g, " ")]) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return { status: 400, message: "This address is malformed (its %-escapes are not UTF-8 text)." };
    }
    if (decoded.includes("\u0000")) return { status: 404, message: "Nothing is published at this address." };
  }
  // No address of ours has a part longer than this; a longer one would only make the cache try file names the disk refuses.
  if (path.split("/").some((segment) => segment.length > MAX_SEGMENT))
    return { status: 404, message: "Nothing is published at this address." };
  // No part of our addresses is "." or ".." or holds a slash once decoded: such a part would reach
  // the route cache as a file path that climbs out of its page's folder (e.g. /en/issuers/%2e%2e).
  for (const segment of path.split("/").slice(1)) {
    const decoded = decodeURIComponent(segment);
    if (decoded === "." || decoded === ".." || /[\/\\]/.test(decoded))
      return { status: 404, message: "Nothing is published at this address." };
  }
  if (req.method === "POST" && header(req, "next-action")) {
    const origin = header(req, "origin");
    const host = header(req, "x-forwarded-host") ?? header(req, "host");
    let originHost: string | null = null;
    if (origin) {
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
    }
    if (origin !== undefined && originHost !== host) return { status: 403, message: "Cross-site form submissions are refused." };
    const site = header(req, "sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") return { status: 403, message: "Cross-site form submissions are refused." };
  }
  return null;
}
