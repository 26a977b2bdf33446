import "server-only";

// The one shape of every write (issue 16). A command declares who may call it,
// the schema of its body and what it does inside the transaction; the wrapper
// runs the steps in the order that matters:
//   1. the role, from the session, before the body is even read: an anonymous
//      caller learns nothing about validation, and cannot make us buffer an upload;
//   2. the body, parsed with the command's schema: every field error at once,
//      and nothing written;
//   3. one transaction around `run`;
//   4. the audit entries `run` returns, written by the wrapper in that same
//      transaction, so a change and its entry commit together or not at all;
//   5. `{ data, tags }` for the edge, which expires the tags.
import type { z, ZodType } from "zod";

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { requireRole, type CurrentUser, type Role } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { insertMany } from "@/lib/server/records/insert-many";

import { validationError } from "./errors";
import { WRITE_TX, type Written } from "./shared";

/** Who a write is done for: a signed-in user, or a system actor (then `id` is null). */
interface Actor {
  id: string | null;
  displayName: string;
  role: Role;
}

/**
 * A maintenance script (or a test) writing without a session: the dataset
 * loader, the pack re-import, create-admin. Audited under its label, with the
 * account it acts for if any (usually none: id null); its role decides what it
 * may do, as a user's would.
 */
export interface SystemActor {
  id: string | null;
  label: string;
  role: Role;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** Who acted, when not the caller: the invitee, whose account this very write creates. */
  actor?: { id: string | null; displayName: string };
}

export interface Outcome<T> {
  data: T;
  /** Cache tags the edge expires; none when no public page changed (a draft, an account). */
  tags?: string[];
  /**
   * What changed, for the audit log: one entry, or one per record for a write
   * of many (an import, a dataset load). Null when nothing was written (a dry
   * run, a refused import, a toggle to the state the row was already in), or
   * when the write is deliberately not logged: say why where it is returned.
   */
  audit: AuditEntry | AuditEntry[] | null;
  /** A dry run that made every write, so the database checked them all: roll it back and answer `data`. */
  rollBack?: boolean;
  /** Called once the transaction has ended, committed or not: for what lives outside the database (an uploaded file). */
  settle?: (committed: boolean) => void;
}

type Access = Role | "anyone";

export interface Context<P extends unknown[] = [], A extends Access = Role, Sys extends boolean = false> {
  /**
   * The signed-in caller; for a command that allows system actors, possibly one
   * of those (with no account id). "anyone" commands have none.
   */
  actor: A extends "anyone" ? null : Sys extends true ? Actor : CurrentUser;
  /** The arguments before the body, as the command was called: `publishAttestation(id, body)` gives [id]. */
  params: P;
}

export interface CommandSpec<S extends ZodType, T, P extends unknown[], A extends Access, Sys extends boolean> {
  /** For errors and logs: "publish report". */
  name: string;
  /**
   * Who may call: a role (an admin holds every role), or "anyone" for the few
   * writes open without an account (lib/server/access-policy.ts says how each
   * is guarded instead).
   */
  role: A;
  /** Also callable by a script as a system actor, through `asSystem` (a dataset load, create-admin). */
  system?: Sys;
  /** The body's schema; a function of the params when they choose it (a live source's kind). */
  schema: S | ((...params: P) => S);
  /**
   * How a refused body is answered: by default a validation error naming every
   * field; a string replaces that error's summary; a function answers with data
   * instead (a dataset's problems, each with its place).
   */
  invalid?: string | ((error: z.ZodError) => T);
  /** Longer than WRITE_TX, for writes of thousands of rows. */
  transaction?: { timeout: number; maxWait: number };
  run: (tx: Prisma.TransactionClient, input: z.output<S>, ctx: Context<P, A, Sys>) => Promise<Outcome<T>>;
}

/** The params, then the body. A function given as the body is called for it only once the role check has passed. */
type Args<P extends unknown[]> = [...params: P, body: unknown];

export type Command<P extends unknown[], T, Sys extends boolean = false> = ((...args: Args<P>) => Promise<Written<T>>) & {
  readonly role: Access;
} & (Sys extends true
    ? {
        /**
         * The same command for a script or a test: no session, the given client
         * and actor. Refused inside the Next server, so no request reaches it.
         */
        asSystem(prisma: PrismaClient, actor: SystemActor, ...args: Args<P>): Promise<Written<T>>;
      }
    : unknown);

const ROLL_BACK = Symbol("roll back");

export function defineCommand<S extends ZodType, T, P extends unknown[] = [], A extends Access = Access, Sys extends boolean = false>(
  spec: CommandSpec<S, T, P, A, Sys>,
): Command<P, T, Sys> {
  async function execute(prisma: PrismaClient, actor: Actor | null, args: unknown[]): Promise<Written<T>> {
    const params = args.slice(0, -1) as P;
    const raw = args.at(-1);
    const body: unknown = typeof raw === "function" ? await (raw as () => Promise<unknown>)() : raw;
    const schema = typeof spec.schema === "function" ? spec.schema(...params) : spec.schema;
    // An absent body is parsed as an empty one, so every missing field is named.
    const parsed = await schema.safeParseAsync(body ?? {});
    if (!parsed.success) {
      if (typeof spec.invalid === "function") return { data: spec.invalid(parsed.error), tags: [] };
      throw validationError(parsed.error, spec.invalid);
    }
    const ctx = { actor: spec.role === "anyone" ? null : actor, params } as Context<P, A, Sys>;
    let outcome: Outcome<T> | undefined;
    try {
      await prisma.$transaction(async (tx) => {
        outcome = await spec.run(tx, parsed.data, ctx);
        if (outcome.audit) await writeAudit(tx, actor, [outcome.audit].flat(), spec.name);
        if (outcome.rollBack) throw ROLL_BACK;
      }, spec.transaction ?? WRITE_TX);
    } catch (err) {
      outcome?.settle?.(false);
      if (err !== ROLL_BACK || !outcome) throw err;
      return { data: outcome.data, tags: [] };
    }
    outcome!.settle?.(true);
    return { data: outcome!.data, tags: outcome!.tags ?? [] };
  }

  const command = Object.assign(
    async (...args: Args<P>) => execute(db(), spec.role === "anyone" ? null : await requireRole(spec.role as Role), args),
    { role: spec.role as Access },
  );
  if (!spec.system) return command as Command<P, T, Sys>;
  return Object.assign(command, {
    async asSystem(prisma: PrismaClient, actor: SystemActor, ...args: Args<P>) {
      // Next compiles NEXT_RUNTIME into everything it bundles (routes, actions, pages);
      // scripts and tests run unbundled, where it is unset.
      if (process.env.NEXT_RUNTIME) throw new Error(`${spec.name}: a system actor writes from a script or a test, never in the web server`);
      if (spec.role === "admin" && actor.role !== "admin") throw new Error(`${spec.name}: needs an admin; ${actor.label} is an editor`);
      return execute(prisma, { id: actor.id, displayName: actor.label, role: actor.role }, args);
    },
  }) as Command<P, T, Sys>;
}

/** Appends audit entries in the caller's transaction. Only defineCommand calls it (and insert-many's callers through it). */
export async function writeAudit(
  tx: Prisma.TransactionClient,
  actor: { id: string | null; displayName: string } | null,
  entries: AuditEntry[],
  command: string,
): Promise<void> {
  const rows = entries.map((e) => {
    const by = e.actor ?? actor;
    if (!by) throw new Error(`${command}: an audit entry of a command open to anyone must name its actor`);
    return {
      actorId: by.id,
      actorLabel: by.displayName,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: (e.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (e.after ?? undefined) as Prisma.InputJsonValue | undefined,
      reason: e.reason ?? null,
    };
  });
  // One statement for any number of entries (a bulk import writes one per report).
  await insertMany(tx, "AuditEntry", rows);
}
