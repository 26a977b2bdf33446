import "server-only";

// Alerts configuration (issue 20), read from the environment on each call (cheap,
// and tests change it). The variables are validated in lib/server/env.ts too,
// so a wrong value also stops the app at start with the variable's name.
//
//   SMTP_URL                smtp:// or smtps:// URL; unset → the e-mail option is off
//   ALERTS_FROM             From of alert e-mails (default "USD1 Backed <alerts@localhost>")
//   PUBLIC_URL              origin for links in messages (default NEXTAUTH_URL, then http://localhost:3000)
//   WEBHOOK_ALLOW_PRIVATE   "true": webhooks may target loopback/private/link-local addresses
//   NEXTAUTH_SECRET         also keys the management links in e-mails (see tokens.ts)
//
// Public API for pages:
//   alertChannels(): AlertChannels   which channels are on, and why one is off
import { z } from "zod";

import type { AlertChannels, ChannelState } from "@/lib/domain/views/alerts";
import { alertsEnvShape } from "@/lib/server/env";

export interface AlertsConfig {
  smtpUrl: string | null;
  from: string;
  /** Origin without trailing slash, e.g. "https://usd1backed.org". */
  publicUrl: string;
  allowPrivateWebhooks: boolean;
  /** Keys the management tokens sent in every e-mail; null when NEXTAUTH_SECRET is unset. */
  linkSecret: string | null;
  /** Variables set but refused, with why. */
  problems: string[];
}

type EnvRecord = Record<string, string | undefined>;

type Shape = typeof alertsEnvShape;

export function alertsConfig(source: EnvRecord = process.env): AlertsConfig {
  const problems: string[] = [];
  const read = <K extends keyof Shape>(key: K): z.output<Shape[K]> | undefined => {
    const r = (alertsEnvShape[key] as unknown as z.ZodType<z.output<Shape[K]>>).safeParse(source[key]);
    if (r.success) return r.data;
    problems.push(`${key}: ${r.error.issues[0]?.message ?? "not valid"}`);
    return undefined;
  };
  const smtpUrl = read("SMTP_URL") ?? null;
  const from = read("ALERTS_FROM") ?? "USD1 Backed <alerts@localhost>";
  read("WEBHOOK_ALLOW_PRIVATE");
  const publicRaw = read("PUBLIC_URL") ?? source.NEXTAUTH_URL ?? "http://localhost:3000";
  let publicUrl: string;
  try {
    publicUrl = new URL(publicRaw).origin;
  } catch {
    problems.push(`PUBLIC_URL: neither it nor NEXTAUTH_URL is a URL (${publicRaw.slice(0, 100)})`);
    publicUrl = "http://localhost:3000";
  }
  const secret = source.NEXTAUTH_SECRET && source.NEXTAUTH_SECRET.length >= 16 ? source.NEXTAUTH_SECRET : null;
  return {
    smtpUrl,
    from,
    publicUrl,
    allowPrivateWebhooks: (source.WEBHOOK_ALLOW_PRIVATE ?? "").trim().toLowerCase() === "true",
    linkSecret: secret,
    problems,
  };
}

/** Which ways of following are on. E-mail needs SMTP_URL (and NEXTAUTH_SECRET for the links in every message). */
export function alertChannels(config: AlertsConfig = alertsConfig()): AlertChannels {
  const smtpProblem = config.problems.find((p) => p.startsWith("SMTP_URL"));
  const email: ChannelState = smtpProblem
    ? { on: false, code: "smtp_invalid", reason: `E-mail alerts are off: ${smtpProblem}.` }
    : !config.smtpUrl
      ? { on: false, code: "no_smtp", reason: "E-mail alerts are off: this server has no mail server configured (SMTP_URL is not set)." }
      : !config.linkSecret
        ? {
            on: false,
            code: "no_link_secret",
            reason: "E-mail alerts are off: NEXTAUTH_SECRET is not set, so the management link in each message could not be made.",
          }
        : { on: true, code: "on", reason: null };
  return { email, webhook: { on: true, code: "on", reason: null } };
}
