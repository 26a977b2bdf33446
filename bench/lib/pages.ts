// What the app's pages link to: the issuer slugs on the home page, the scripts a first visit downloads.
export async function issuerSlugs(base: string): Promise<string[]> {
  const html = await (await fetch(`${base}/en`)).text();
  const slugs = [...new Set([...html.matchAll(/href="\/en\/issuers\/([a-z0-9-]+)"/g)].map((m) => m[1]!))];
  if (!slugs.length) throw new Error("no issuer links found on /en");
  return slugs;
}

/** Script URLs a first visit loads: <script src> and modulepreload/preload links. */
export function scriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="(?:modulepreload|preload)"[^>]*href="([^"]+\.js[^"]*)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+\.js[^"]*)"[^>]*rel="(?:modulepreload|preload)"/g)) urls.add(m[1]!);
  return [...urls].map((u) => u.replace(/&amp;/g, "&"));
}
