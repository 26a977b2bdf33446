import type { Metadata } from "next";
import { connection } from "next/server";

// The editor area renders per request, top to bottom: its pages show who is
// signed in and live data, and proxy.ts gives each response a CSP nonce that
// only a request-time render can put on every script (a prerendered shell
// could not carry it). So this layout waits for the request before anything
// else, and opts out of the static-shell check that would forbid exactly that.
export const instant = false;

export const metadata: Metadata = {
  title: { default: "Editors", template: "%s · Editors · USD1 Backed" },
  robots: { index: false, follow: false },
};

export default async function EditorAreaLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return <div className="editor-area">{children}</div>;
}
