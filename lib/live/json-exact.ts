// JSON.parse that keeps every number as the exact text it was written with
// (a string), so a figure like 189761994736.80623 is never squeezed through a
// double. Node 20 has no JSON.parse source-text access, so numbers outside
// strings are quoted first with a small tokenizer.

const TOKEN = /"(?:[^"\\]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

export function parseJsonExact(text: string): unknown {
  const quoted = text.replace(TOKEN, (m) => (m.startsWith('"') ? m : `"${m}"`));
  return JSON.parse(quoted) as unknown;
}
