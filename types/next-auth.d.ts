// The claims our sessions carry (lib/server/auth.ts): only what cannot change.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    signedInAt?: number;
  }
}

declare module "next-auth" {
  interface Session {
    uid?: string;
    signedInAt?: number;
  }
}
