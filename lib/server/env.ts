import "server-only";

import { z } from "zod";

import { parseTrustProxy } from "@/lib/domain/client-address";

/**
 * Alerts (issue 20; read per call by lib/server/alerts/config.ts, so tests can
 * change them). Without SMTP_URL the e-mail option is off and says why.
 */
export const alertsEnvShape = {
  /// smtp://user:pass@host:587 or smtps://…:465 (nodemailer); unset: no e-mail alerts.
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /// The From of alert e-mails.
  ALERTS_FROM: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .refine((s) => !/[\r\n]/.test(s), "ALERTS_FROM must be one line")
    .default("USD1 Backed <alerts@localhost>"),
  /// The site's public address for links in alerts (falls back to NEXTAUTH_URL).
  PUBLIC_URL: z
    .string()
    .url("PUBLIC_URL must be a URL such as https://example.org")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /// true: webhooks may point at loopback, private and link-local addresses (tests, a private deployment).
  WEBHOOK_ALLOW_PRIVATE: z
    .string()
    .trim()
    .regex(/^(true|false|)$/i, "WEBHOOK_ALLOW_PRIVATE must be true or false")
    .optional(),
};

// Configuration, validated once. Defaults make the quick start work; a wrong
// value fails loudly with the variable's name.
const schema = z.object({
  ...alertsEnvShape,
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start the app with `npm start`, which sets it, or point it at a PostgreSQL database" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /// A streaming replica of DATABASE_URL: public read models read from it (lib/server/db.ts, readDb). Unset: the primary.
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must be a postgresql:// URL")
    .optional(),
  /// Longest a write waits for the replica to replay it before expiring cache tags, in milliseconds.
  REPLICA_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /// Shared cache of several instances (next.config.ts, lib/cache-handlers/). Unset: each process caches in memory.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL")
    .optional(),
  REDIS_PREFIX: z.string().default("usd1:"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  /// Random per start; protects the internal route that refreshes caches after a restart.
  REVALIDATE_TOKEN: z.string().min(16).optional(),
  UPLOAD_DIR: z.string().default(".data/uploads"),
  /// Largest report file an editor may upload, in megabytes.
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(500).default(25),
  /// Public URL of the site; invite links are built from it.
  NEXTAUTH_URL: z.string().url("NEXTAUTH_URL must be a URL such as https://example.org").optional(),
  /// GitHub sign-in is offered only when both are set.
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  /// How long an editor session lasts before signing in again.
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(8),
  /// The editor area lists issuers not reviewed for more than this many days.
  REVIEW_STALE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /// Proxies in front of the server, whose X-Forwarded-For entries are believed: a hop
  /// count or their addresses. Unset: none, the connection's address is the client's.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const parsed = parseTrustProxy(raw);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
