// Runs for the editor area only (see the matcher): public pages stay cached and
// never pass through here (a proxy on every path halved throughput: docs/stack.md, "No proxy on public pages").
// 1. Anonymous visitors get a real 307 to the sign-in page (a redirect from a
//    page would answer 200 with an in-stream redirect).
// 2. Every editor response gets a nonce-based Content-Security-Policy. Next
//    reads the nonce from the request's policy and puts it on its scripts; the
//    editor pages render per request, so every script carries it. Our custom
//    server (scripts/server.ts) leaves a response's existing policy alone.
// This is an optimistic check: whether the account is still active, revoked
// or allowed is decided by the page or handler itself (lib/server/auth.ts).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

import { editorCsp } from "@/lib/security/editor-csp";

const PUBLIC_EDITOR_PATHS = [/^\/editor\/sign-in\/?$/, /^\/editor\/invite\/[^/]+\/?$/];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_EDITOR_PATHS.some((p) => p.test(pathname))) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
    if (!token) {
      const signIn = new URL("/editor/sign-in", request.url);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(signIn, 307);
    }
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = editorCsp(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  matcher: ["/editor/:path*"],
};
