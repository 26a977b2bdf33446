// The message catalogues: messages/<locale>/<namespace>.json, one namespace per
// part of the interface so several people can translate without conflicts.
// tests/unit/i18n/catalogues.test.ts fails when a key is missing from a locale,
// when placeholders differ, and when code uses a key the English catalogue lacks.
import type { Locale } from "./routing";

export const NAMESPACES = [
  "common",
  "layout",
  "home",
  "issuer",
  "compare",
  "attestations",
  "stress",
  "methodology",
  "data",
  "changelog",
  "corrections",
  "about",
  "sources",
  "learn",
  "taxonomy",
  "charts",
  "follow",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type Messages = Record<string, unknown>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../messages/${locale}/${ns}.json`)).default as Messages] as const),
  );
  return Object.fromEntries(entries);
}
