// Cache tags: every cached read model names what it depends on, and every
// write expires exactly those tags.
export const TAGS = {
  issuers: "issuers",
  attestations: "attestations",
  stressEvents: "stress-events",
  issuer: (slug: string) => `issuer:${slug}`,
} as const;
