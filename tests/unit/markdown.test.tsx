import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Markdown } from "@/components/ui/markdown";

describe("editor text rendered as Markdown", () => {
  it("keeps formatting and links, and never lets HTML or script through", () => {
    const html = renderToStaticMarkup(
      <Markdown
        source={[
          "**Bold** and a [source](https://example.org/report.pdf).",
          '<script>alert("x")</script><img src=x onerror="alert(1)">',
          '[click](javascript:alert(1)) and <a href="https://evil.example" onclick="steal()">raw link</a>',
        ].join("\n\n")}
      />,
    );
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain('href="https://example.org/report.pdf"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img/i);
  });
});
