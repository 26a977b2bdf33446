// What an editor does over HTTP against a running instance, for the scale-out tests:
// sessions sealed with the instances' shared secret (any instance accepts them), a report
// drafted and published through the JSON editor API (route handler → revalidateTag), and a
// retraction through the server action exactly as a browser without JavaScript submits the
// form (the hidden $ACTION_ fields React renders, posted back to the page).
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";

import { CLUSTER_SECRET, sqlOn, type Instance } from "./cluster";
import { validAttestation } from "./report-input";

/** A user row and a session cookie for it, as the sign-in would set (lib/server/auth.ts). */
export async function staffSession(databaseUrl: string, role: "admin" | "editor"): Promise<string> {
  const id = `scale-${role}-${randomBytes(4).toString("hex")}`;
  await sqlOn(
    databaseUrl,
    "INSERT INTO app_user (id, email, display_name, role, sessions_valid_after) VALUES ($1, $2, $3, $4, now() - interval '1 minute')",
    [id, `${id}@example.org`, `Scale ${role}`, role],
  );
  const jwt = await encode({ token: { sub: id, uid: id, signedInAt: Date.now() }, secret: CLUSTER_SECRET });
  return `next-auth.session-token=${jwt}`;
}

async function json(
  instance: Instance,
  path: string,
  cookie: string,
  body: unknown,
): Promise<{ status: number; data: Record<string, unknown> }> {
  const res = await fetch(instance.url + path, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: instance.url },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    data = { text };
  }
  return { status: res.status, data };
}

let daysBack = 0;
/**
 * The newest as-of date of the issuer (one report per issuer, date and type), so the report
 * is the first row of the public page's recent reports: yesterday, then the day before, …
 */
function recentAsOf(): string {
  daysBack += 1;
  return new Date(Date.now() - daysBack * 86_400_000).toISOString().slice(0, 10);
}

/** Drafts and publishes a report whose firm name is `firm`, through the JSON editor API of `instance`. */
export async function publishReport(
  instance: Instance,
  cookie: string,
  issuerSlug: string,
  firm: string,
): Promise<{ id: string; version: number }> {
  let input = validAttestation(issuerSlug, { firm, asOf: recentAsOf() });
  let draft = await json(instance, "/api/editor/attestations", cookie, { input });
  // A date an earlier report already has (a month's end in the demo set): the day before.
  for (let i = 0; i < 5 && draft.status === 409; i++) {
    input = validAttestation(issuerSlug, { firm, asOf: recentAsOf() });
    draft = await json(instance, "/api/editor/attestations", cookie, { input });
  }
  if (draft.status !== 201) throw new Error(`draft on ${instance.name}: ${draft.status} ${JSON.stringify(draft.data)}`);
  const id = String(draft.data.id);
  const published = await json(instance, `/api/editor/attestations/${id}/publish`, cookie, { input, version: draft.data.version });
  if (published.status !== 200) throw new Error(`publish on ${instance.name}: ${published.status} ${JSON.stringify(published.data)}`);
  return { id, version: Number(published.data.version) };
}

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden fields of the server-action form on `html` that has an input named `field`. */
export function hiddenFieldsOfForm(html: string, field: string): [string, string][] {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => f.includes(`name="${field}"`) && f.includes("$ACTION_"));
  if (!form) throw new Error(`no server-action form with a field "${field}" on the page`);
  const fields: [string, string][] = [];
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    if (!/type="hidden"/.test(attrs)) continue;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? "";
    if (name) fields.push([decodeEntities(name), decodeEntities(value)]);
  }
  return fields;
}

/** Retracts a published report through the retract server action of `instance` (admin), as a no-JavaScript form post. */
export async function retractViaServerAction(instance: Instance, cookie: string, id: string, reason: string): Promise<number> {
  const pagePath = `/editor/attestations/${id}`;
  const res = await fetch(instance.url + pagePath, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`editor page on ${instance.name}: ${res.status}`);
  const form = new FormData();
  for (const [name, value] of hiddenFieldsOfForm(html, "reason")) form.append(name, value);
  form.append("reason", reason);
  const posted = await fetch(instance.url + pagePath, {
    method: "POST",
    headers: { cookie, origin: instance.url },
    body: form,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  await posted.arrayBuffer();
  return posted.status;
}
