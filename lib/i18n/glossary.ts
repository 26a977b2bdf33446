// The glossary (content/glossary/<locale>.json) is part of the interface's words, like
// the message catalogues: bundled with the server code, read by components as they
// read their translations, never fetched.
import type { GlossaryEntry } from "@/lib/domain/views/learn";
import type { Locale } from "@/i18n/routing";
import en from "@/content/glossary/en.json";
import es from "@/content/glossary/es.json";
import pt from "@/content/glossary/pt.json";

export const GLOSSARIES: Record<Locale, Readonly<Record<string, GlossaryEntry>>> = { en, es, pt };
