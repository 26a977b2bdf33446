import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import i18n from "./eslint-rules/no-untranslated-text.mjs";

const config = [
  ...next,
  ...nextTs,
  {
    // The public interface speaks three languages: its words live in messages/.
    // The editor area is English only (maintainers' tools), so it is not checked.
    files: ["app/[[]locale]/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/editor/**"],
    plugins: { i18n },
    rules: { "i18n/no-untranslated-text": "error" },
  },
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
