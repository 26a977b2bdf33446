// The layer rules of docs/architecture.md are held by eslint.config.mjs: this lints a
// deliberately wrong import in each forbidden direction (the rule must bite) and the
// same files with allowed imports (it must not bite), as `npm run lint` would.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.join(__dirname, "..", "..");
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const WRONG: [string, string, RegExp][] = [
  ["components/issuer/zz-fixture.tsx", 'import { db } from "@/lib/server/db";\nexport const x = db;\n', /Components receive data as props/],
  [
    "components/issuer/zz-fixture.tsx",
    'import { markReviewedAction } from "@/app/(editor)/editor/(gated)/issuers/[slug]/actions";\nexport const x = markReviewedAction;\n',
    /Components receive data/,
  ],
  [
    "components/issuer/zz-fixture.tsx",
    'import type { Attestation } from "@/lib/generated/prisma/client";\nexport type X = Attestation;\n',
    /Database types never reach components/,
  ],
  ["lib/domain/zz-fixture.ts", 'import { db } from "@/lib/server/db";\nexport const x = db;\n', /lib\/domain is pure/],
  ["lib/domain/zz-fixture.ts", 'import { cacheTag } from "next/cache";\nexport const x = cacheTag;\n', /no framework code/],
  ["lib/domain/zz-fixture.ts", 'import { useState } from "react";\nexport const x = useState;\n', /no framework code/],
  [
    "lib/domain/zz-fixture.ts",
    'import { PrismaClient } from "@/lib/generated/prisma/client";\nexport const x = PrismaClient;\n',
    /no database code/,
  ],
  ["lib/domain/zz-fixture.ts", 'import { INTL_LOCALE } from "@/i18n/routing";\nexport const x = INTL_LOCALE;\n', /formats nothing/],
  [
    "lib/server/queries/zz-fixture.ts",
    'import { KeyFigures } from "@/components/issuer/key-figures";\nexport const x = KeyFigures;\n',
    /never imports routes or components/,
  ],
  [
    "lib/server/queries/zz-fixture.ts",
    'import { GET } from "@/app/api/health/route";\nexport const x = GET;\n',
    /never imports routes or components/,
  ],
  ["lib/charts/zz-fixture.ts", 'import { db } from "@/lib/server/db";\nexport const x = db;\n', /Pure helpers/],
];

const ALLOWED: [string, string][] = [
  ["components/issuer/zz-fixture.tsx", 'import type { IssuerModel } from "@/lib/domain/views/issuer";\nexport type X = IssuerModel;\n'],
  ["lib/domain/zz-fixture.ts", 'import { coverageRatio } from "@/lib/domain/metrics/coverage";\nexport const x = coverageRatio;\n'],
  ["lib/server/queries/zz-fixture.ts", 'import { coverageRatio } from "@/lib/domain/metrics/coverage";\nexport const x = coverageRatio;\n'],
];

describe("layer boundaries (eslint no-restricted-imports)", () => {
  it.each(WRONG)("refuses %s importing across a boundary: %s", async (file, code, message) => {
    const found = await restricted(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it.each(ALLOWED)("lets %s import within the rules", async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
