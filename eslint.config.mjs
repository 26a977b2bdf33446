import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

import i18n from "./eslint-rules/no-untranslated-text.mjs";

const config = [
  ...next,
  ...nextTs,
  // A rest pattern that leaves fields out on purpose (`const { lists, ...columns } = input`) is not an unused variable.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] } },
  {
    // The public interface speaks three languages: its words live in messages/.
    // The editor area is English only (maintainers' tools), so it is not checked.
    files: ["app/[[]locale]/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/editor/**"],
    plugins: { i18n },
    rules: { "i18n/no-untranslated-text": "error" },
  },
  // Layer boundaries (docs/architecture.md, "Layer rules"): each group names what it may not import.
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/server/*", "@/lib/server", "@/app/*", "**/lib/server/*", "**/app/*"],
              message: "Components receive data as props: the page calls the query (types live in lib/domain/views).",
            },
            {
              group: ["@/lib/generated/*", "@prisma/*"],
              message: "Database types never reach components: use the plain shapes of lib/domain.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "next", message: "lib/domain is pure: no framework code." },
            { name: "react", message: "lib/domain is pure: no framework code." },
          ],
          patterns: [
            { group: ["@/lib/server/*", "**/lib/server/*", "../server/*"], message: "lib/domain is pure: it never imports server code." },
            {
              group: ["next/*", "next-intl", "next-intl/*", "react-dom", "react-dom/*"],
              message: "lib/domain is pure: no framework code.",
            },
            { group: ["@/lib/generated/*", "@prisma/*", "pg", "pg-*"], message: "lib/domain is pure: no database code." },
            {
              group: ["@/components/*", "@/app/*", "@/i18n/*", "@/lib/i18n/*"],
              message: "lib/domain formats nothing: presentation and locales live in lib/i18n and components.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/server/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"],
              message: "lib/server never imports routes or components.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/charts/**/*.ts", "lib/i18n/**/*.ts", "lib/live/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/server/*", "@/app/*", "@/components/*"],
              message: "Pure helpers: the server layer calls them, never the other way round.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
];

export default config;
