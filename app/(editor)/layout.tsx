import type { Viewport } from "next";
import Link from "next/link";

import "../globals.css";

// The editor area's root layout (the public site's is app/[locale]/layout.tsx).
// Editors work in English: the public interface speaks English, Spanish and
// Portuguese; the maintainers' forms, queue and audit log are English only.
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function EditorRootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="wrap">
            {/* Plain links to the public site (another root layout, so a full load anyway): a prefetch
                from here would render a public page while the editor writes, and a render that
                started before a publish and ends after it would be cached with the old data. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
            <a className="brand" href="/en">
              USD1 Backed
            </a>
            <nav className="site-nav" aria-label="Main">
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
              <a href="/en">Public site</a>
              <Link href="/editor">Editor home</Link>
            </nav>
          </div>
        </header>
        <main id="main" className="wrap">
          {children}
        </main>
      </body>
    </html>
  );
}
