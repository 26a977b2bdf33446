// Fails when the public interface shows words that do not come from a message
// catalogue (messages/<locale>/*.json): JSX text with letters, a string literal
// or template with letters as a JSX child, or as a user-visible attribute.
// The catalogue test (tests/unit/i18n/catalogues.test.ts) then checks that every
// key exists in English, Spanish and Portuguese.
const VISIBLE_ATTRIBUTES = new Set(["aria-label", "aria-description", "title", "alt", "placeholder", "label", "summary"]);
const LETTERS = /\p{L}{2,}/u;

function hasWords(text) {
  return LETTERS.test(text);
}

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: { description: "User-visible text must come from the message catalogue" },
    messages: {
      text: 'Visible text "{{text}}" is not translated: put it in messages/<locale>/<namespace>.json and render it with t().',
    },
    schema: [],
  },
  create(context) {
    const report = (node, text) =>
      context.report({ node, messageId: "text", data: { text: text.trim().replace(/\s+/g, " ").slice(0, 60) } });
    return {
      JSXText(node) {
        if (hasWords(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        const e = node.expression;
        if (node.parent?.type === "JSXAttribute") return;
        if (e.type === "Literal" && typeof e.value === "string" && hasWords(e.value)) report(node, e.value);
        if (e.type === "TemplateLiteral" && e.quasis.some((q) => hasWords(q.value.cooked ?? ""))) {
          report(node, e.quasis.map((q) => q.value.cooked).join("…"));
        }
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === "string" ? node.name.name : "";
        if (!VISIBLE_ATTRIBUTES.has(name) || !node.value) return;
        const v = node.value;
        if (v.type === "Literal" && typeof v.value === "string" && hasWords(v.value)) report(node, v.value);
        if (v.type === "JSXExpressionContainer") {
          const e = v.expression;
          if (e.type === "Literal" && typeof e.value === "string" && hasWords(e.value)) report(node, e.value);
          if (e.type === "TemplateLiteral" && e.quasis.some((q) => hasWords(q.value.cooked ?? ""))) {
            report(node, e.quasis.map((q) => q.value.cooked).join("…"));
          }
        }
      },
    };
  },
};

const plugin = { rules: { "no-untranslated-text": rule } };
export default plugin;
