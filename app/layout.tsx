import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { DatasetNotice } from "@/components/dataset-notice";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "USD1 Backed: how dollar stablecoins are backed", template: "%s · USD1 Backed" },
  description:
    "A neutral, sourced record of what backs dollar stablecoins: every reserve report with its lag, composition against reserve rules, and stress history.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#121417" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="wrap">
            <Link className="brand" href="/">
              USD1 Backed
            </Link>
            <nav className="site-nav" aria-label="Main">
              <Link href="/">Issuers</Link>
              <Link href="/attestations">Attestations</Link>
              <Link href="/stress">Stress history</Link>
              <Link href="/methodology">Methodology</Link>
              <Link href="/changelog">Changelog</Link>
              <Link href="/data">Data</Link>
              <Link href="/about">About</Link>
            </nav>
          </div>
        </header>
        <DatasetNotice />
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            Informational only: a record of published reports, not advice, not a rating, and not a statement that
            any token is safe. Every figure links to the report it was read from.
            {/* A plain link: the layout never reads the session, so public pages stay cached. */}
            <p className="editors-link">
              <a href="/editor/sign-in">Editors: sign in</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
