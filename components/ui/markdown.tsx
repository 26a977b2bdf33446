import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/** Markdown tables scroll sideways inside their own box, so a phone page never does. */
export function ScrollingTable({ children }: { children?: React.ReactNode }) {
  return (
    <div className="table-scroll">
      <table>{children}</table>
    </div>
  );
}

/**
 * Markdown written by editors or shipped with data, rendered on the server.
 * Raw HTML in the source is not rendered, and rehype-sanitize strips anything
 * outside GitHub's safe subset (scripts, event handlers, javascript: links),
 * so no text from the database can run in a visitor's browser.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="prose">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize]}
        skipHtml
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
          table: ScrollingTable,
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
