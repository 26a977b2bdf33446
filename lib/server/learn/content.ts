import "server-only";

import { readFileSync } from "node:fs";
import path from "node:path";
import { cacheLife } from "next/cache";

import {
  LEARN_SLUGS,
  type ChecklistQuestion,
  type GlossaryEntry,
  type LearnIndex,
  type LearnPage,
  type LearnSlug,
} from "@/lib/domain/views/learn";
import { GLOSSARIES } from "@/lib/i18n/glossary";
import type { Locale } from "@/i18n/routing";

// The Learn section's words live in content/: one Markdown file per guide and
// language, a glossary and the checklist questions per language. Written for
// people, not code: the pages mark glossary terms as [words](term:key) and live
// data as [caption](live:block) (see components/learn/learn-markdown.tsx).

const CONTENT = path.join(process.cwd(), "content");

function readText(...parts: string[]): string {
  return readFileSync(path.join(CONTENT, ...parts), "utf8");
}

/** Title (first "# " line), summary (first paragraph) and the rest. */
export function splitGuide(slug: LearnSlug, source: string): LearnPage {
  const lines = source.replace(/\r\n/g, "\n").split("\n");
  const titleLine = lines.findIndex((l) => l.startsWith("# "));
  if (titleLine < 0) throw new Error(`content/learn/…/${slug}.md has no "# " title`);
  const rest = lines.slice(titleLine + 1);
  const start = rest.findIndex((l) => l.trim() !== "");
  const end = rest.findIndex((l, i) => i > start && l.trim() === "");
  const summaryLines = rest.slice(start, end < 0 ? undefined : end);
  return {
    slug,
    title: lines[titleLine]!.slice(2).trim(),
    summary: summaryLines.join(" ").trim(),
    body: rest
      .slice(end < 0 ? rest.length : end)
      .join("\n")
      .trim(),
  };
}

export async function learnPage(locale: Locale, slug: LearnSlug): Promise<LearnPage> {
  "use cache";
  cacheLife("max");
  return splitGuide(slug, readText("learn", locale, `${slug}.md`));
}

export async function learnPages(locale: Locale): Promise<LearnPage[]> {
  "use cache";
  cacheLife("max");
  return LEARN_SLUGS.map((slug) => splitGuide(slug, readText("learn", locale, `${slug}.md`)));
}

export async function learnIndex(locale: Locale): Promise<LearnIndex> {
  "use cache";
  cacheLife("max");
  return JSON.parse(readText("learn", locale, "index.json")) as LearnIndex;
}

export async function checklistQuestions(locale: Locale): Promise<ChecklistQuestion[]> {
  "use cache";
  cacheLife("max");
  return JSON.parse(readText("learn", locale, "checklist.json")) as ChecklistQuestion[];
}

export async function glossary(locale: Locale): Promise<Readonly<Record<string, GlossaryEntry>>> {
  return GLOSSARIES[locale];
}
