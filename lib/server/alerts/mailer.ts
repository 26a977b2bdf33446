import "server-only";

// Sending alert e-mail through SMTP_URL with nodemailer (issue 20). One
// transport per run, closed afterwards. What the SMTP server answered is
// returned (and recorded on the delivery): a 5xx refusal is permanent (a
// bounce), anything else temporary.
import nodemailer from "nodemailer";

import type { AlertsConfig } from "./config";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export type MailResult =
  | { ok: true; response: string; messageId: string }
  | { ok: false; permanent: boolean; responseCode: number | null; response: string | null; error: string };

export interface Mailer {
  send(message: MailMessage): Promise<MailResult>;
  close(): void;
}

export function createMailer(config: AlertsConfig, opts: { timeoutMs?: number } = {}): Mailer | null {
  if (!config.smtpUrl) return null;
  const timeout = opts.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(m) {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          headers: m.headers,
        });
        const rejected = (info.rejected ?? []).map(String);
        if (rejected.length > 0) {
          return {
            ok: false,
            permanent: true,
            responseCode: null,
            response: String(info.response ?? ""),
            error: `recipient refused: ${String(info.response ?? "").slice(0, 300)}`,
          };
        }
        return { ok: true, response: String(info.response ?? "").slice(0, 500), messageId: String(info.messageId ?? "") };
      } catch (err) {
        const e = err as { responseCode?: number; response?: string; message?: string; code?: string };
        const code = typeof e.responseCode === "number" ? e.responseCode : null;
        return {
          ok: false,
          // 5xx: the server refused for good (no such mailbox, policy): a bounce. 4xx and connection errors: try again.
          permanent: code !== null && code >= 500 && code < 600,
          responseCode: code,
          response: e.response ? String(e.response).slice(0, 500) : null,
          error: `${e.code ? `${e.code}: ` : ""}${e.message ?? String(err)}`.slice(0, 1000),
        };
      }
    },
    close() {
      transport.close();
    },
  };
}
