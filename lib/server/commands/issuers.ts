import "server-only";

// Issuer create and edit, with licences and named counterparties. The slug is
// fixed once created: it is part of every public link to the issuer.
import { issuerInput, type IssuerInput } from "@/lib/domain/schemas/issuer";
import { TAGS } from "@/lib/server/queries/tags";
import { issuerRow, issuerWithLists, licenceRows, storedIssuerToInput } from "@/lib/server/records/issuer";

import { defineCommand, type Context } from "./define";
import { CommandError, fieldError, isUniqueViolation } from "./errors";
import { conflict, envelope, lockVersion, requireVersion } from "./shared";

const canonicalIssuer = (i: IssuerInput): IssuerInput => ({
  ...i,
  licences: [...i.licences].sort((a, b) => (a.since ?? "").localeCompare(b.since ?? "") || a.regulator.localeCompare(b.regulator)),
  counterparties: [...i.counterparties].sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name)),
});

function refuseRepeatedCounterparties(input: IssuerInput) {
  const seen = new Set<string>();
  input.counterparties.forEach((c, i) => {
    const key = `${c.name.toLowerCase()}|${c.role}`;
    if (seen.has(key)) throw fieldError(`counterparties.${i}.name`, "listed twice with the same role");
    seen.add(key);
  });
}

// Issuer names and counts appear on every public list, so every issuer write expires them all.
const issuerTags = (slug: string) => [TAGS.issuers, TAGS.issuer(slug), TAGS.attestations, TAGS.stressEvents];

export const createIssuer = defineCommand({
  name: "create issuer",
  role: "editor",
  schema: envelope(issuerInput),
  async run(tx, { input }) {
    refuseRepeatedCounterparties(input);
    const taken = await tx.issuer.findUnique({ where: { slug: input.slug }, select: { name: true } });
    if (taken) throw fieldError("slug", `already used by “${taken.name}”`);
    let i;
    try {
      i = await tx.issuer.create({
        data: { ...issuerRow(input, false), licences: { create: licenceRows(input) }, counterparties: { create: input.counterparties } },
      });
    } catch (err) {
      // Created meanwhile by another editor, after the check above.
      if (isUniqueViolation(err)) throw fieldError("slug", "already used by another issuer");
      throw err;
    }
    return {
      data: { id: i.id, slug: i.slug, version: i.version },
      tags: issuerTags(i.slug),
      audit: { action: "create", entityType: "issuer", entityId: i.id, after: input },
    };
  },
});

export const updateIssuer = defineCommand({
  name: "update issuer",
  role: "editor",
  schema: envelope(issuerInput),
  async run(tx, env, { params: [id] }: Context<[id: string]>) {
    const version = requireVersion(env.version);
    const input = env.input;
    refuseRepeatedCounterparties(input);
    const current = await lockVersion(tx, "issuer", id);
    if (current === null) throw new CommandError("not_found", "This issuer no longer exists; nothing was saved.");
    const stored = await tx.issuer.findUniqueOrThrow({ where: { id }, include: issuerWithLists });
    const before = storedIssuerToInput(stored);
    if (current !== version) {
      throw await conflict(
        tx,
        { entityType: "issuer", id, noun: "issuer", schema: issuerInput, canonical: canonicalIssuer },
        env.baseline,
        { version: current, input: before },
      );
    }
    if (input.slug !== stored.slug) throw fieldError("slug", "cannot change once created: it is part of every public link to this issuer");
    await tx.licence.deleteMany({ where: { issuerId: id } });
    await tx.counterparty.deleteMany({ where: { issuerId: id } });
    const i = await tx.issuer.update({
      where: { id },
      data: {
        ...issuerRow(input, stored.isDemo),
        version: { increment: 1 },
        licences: { create: licenceRows(input) },
        counterparties: { create: input.counterparties },
      },
    });
    return {
      data: { id: i.id, slug: i.slug, version: i.version },
      tags: issuerTags(i.slug),
      audit: { action: "update", entityType: "issuer", entityId: id, before, after: input },
    };
  },
});
