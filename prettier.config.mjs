// The formatter (issue 16): one style for every source file, checked by `npm test`'s lint step
// (`prettier --check`). Imports are ordered by layer, outermost first, so a file's head says
// what it leans on: Node and packages, then lib/domain (pure), lib/i18n, lib/charts, lib/server,
// components, app. Side-effect imports ("server-only") stay where they are.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 140,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  importOrder: [
    "<BUILTIN_MODULES>",
    "<THIRD_PARTY_MODULES>",
    "",
    "^@/lib/generated/(.*)$",
    "^@/lib/domain/(.*)$",
    "^@/lib/(i18n|live|charts)(/.*)?$",
    "^@/lib/(.*)$",
    "^@/i18n/(.*)$",
    "^@/components/(.*)$",
    "^@/app/(.*)$",
    "^@/(.*)$",
    "",
    "^[.]",
  ],
  importOrderTypeScriptVersion: "5.9.0",
};

export default config;
