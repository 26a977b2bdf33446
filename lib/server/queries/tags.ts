// Cache tags: every cached read model names what it depends on, and every
// write expires exactly those tags.
export const TAGS = {
  issuers: "issuers",
  attestations: "attestations",
  stressEvents: "stress-events",
  issuer: (slug: string) => `issuer:${slug}`,
  /** Live figures (readings, reader status, prices): expired by a live job that changed them. */
  live: "live",
} as const;

/**
 * Cache lifetime of every public read model. Published data changes only when
 * an editor publishes, which expires its tags at once; the hourly
 * revalidation keeps "days since" figures current and bounds how long a shared
 * cache (CDN) may keep a page (s-maxage follows `revalidate`).
 */
export const PUBLISHED_DATA = { stale: 300, revalidate: 3600, expire: 31_536_000 } as const;
