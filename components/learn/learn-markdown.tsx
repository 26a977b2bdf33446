import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";

import { LIVE_BLOCKS, type GlossaryEntry, type LearnLiveData, type LiveBlockId } from "@/lib/domain/views/learn";
import { localizeHref, type Locale } from "@/i18n/routing";
import { ScrollingTable } from "@/components/ui/markdown";

import { LiveBlock } from "./live-block";
import { Term } from "./term";

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[]; value?: string };

/** The one link of a paragraph that holds nothing else, if its target is a live block. */
function liveBlockOf(node: HastNode | undefined): LiveBlockId | null {
  const kids = (node?.children ?? []).filter((c) => !(c.type === "text" && !c.value?.trim()));
  const only = kids.length === 1 ? kids[0] : undefined;
  const href = only?.tagName === "a" ? String(only.properties?.href ?? "") : "";
  const id = href.startsWith("live:") ? href.slice(5) : "";
  return (LIVE_BLOCKS as readonly string[]).includes(id) ? (id as LiveBlockId) : null;
}

/**
 * A Learn guide's Markdown (our own content, not user input): [words](term:key)
 * becomes an inline glossary definition, a paragraph that is only
 * [caption](live:block) becomes live data, and site paths gain the language.
 */
export function LearnMarkdown({
  source,
  locale,
  terms,
  live,
}: {
  source: string;
  locale: Locale;
  terms: Readonly<Record<string, GlossaryEntry>>;
  live: LearnLiveData;
}) {
  return (
    <div className="prose learn-prose">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        urlTransform={(url) => (url.startsWith("term:") || url.startsWith("live:") ? url : defaultUrlTransform(url))}
        components={{
          p: ({ node, children }) => {
            const block = liveBlockOf(node as HastNode | undefined);
            return block ? <LiveBlock id={block} caption={children} data={live} /> : <p>{children}</p>;
          },
          a: ({ href = "", children }) => {
            if (href.startsWith("live:")) return <>{children}</>;
            if (href.startsWith("term:")) {
              const key = href.slice(5);
              const entry = terms[key];
              if (!entry) throw new Error(`Learn content links unknown glossary term "${key}"`);
              return (
                <Term id={key} term={entry.term} definition={entry.definition}>
                  {children}
                </Term>
              );
            }
            if (href.startsWith("/")) return <a href={localizeHref(href, locale)}>{children}</a>;
            return (
              <a href={href} rel="noopener noreferrer">
                {children}
              </a>
            );
          },
          table: ScrollingTable,
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
