// Fetching an issuer endpoint or a price API: a timeout, the body as text,
// and Retry-After understood (seconds or an HTTP date).

export interface FetchedText {
  status: number;
  ok: boolean;
  body: string;
  /** When the server asked us to come back (429/503 with Retry-After). */
  retryAfter: Date | null;
}

export function parseRetryAfter(value: string | null, now: Date): Date | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return new Date(now.getTime() + Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t);
}

export async function fetchText(
  url: string,
  opts: { timeoutMs: number; now: Date; headers?: Record<string, string>; maxBytes?: number },
): Promise<FetchedText> {
  const res = await fetch(url, {
    headers: { "user-agent": "usd1-backed live signals", ...opts.headers },
    signal: AbortSignal.timeout(opts.timeoutMs),
    redirect: "follow",
  });
  const body = await res.text();
  if (body.length > (opts.maxBytes ?? 5_000_000)) throw new Error(`response larger than ${opts.maxBytes ?? 5_000_000} bytes`);
  return { status: res.status, ok: res.ok, body, retryAfter: parseRetryAfter(res.headers.get("retry-after"), opts.now) };
}
