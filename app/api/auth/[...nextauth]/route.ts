import NextAuth from "next-auth";

import { authOptions } from "@/lib/server/auth";

// Built per request: the options read configuration (env.ts), which must not
// be required at build time.
type Ctx = { params: Promise<{ nextauth: string[] }> };
const handler = (req: Request, ctx: Ctx) => NextAuth(authOptions())(req, ctx) as Promise<Response>;

export { handler as GET, handler as POST };
