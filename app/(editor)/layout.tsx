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
            <Link className="brand" href="/en">
              USD1 Backed
            </Link>
            <nav className="site-nav" aria-label="Main">
              <Link href="/en">Public site</Link>
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
