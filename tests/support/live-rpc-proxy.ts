// A tiny HTTP proxy in front of a JSON-RPC node, on 127.0.0.1: counts HTTP
// requests and the JSON-RPC methods in them (to prove batching), and in
// "tron" mode behaves like Tron's Ethereum-compatible endpoint: served at
// /jsonrpc only, eth_call/eth_getBalance refused unless the block is "latest",
// no JSON-RPC batches.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RpcProxy {
  url: string;
  requests: number;
  methods: string[];
  /** Requests refused (tron mode) with why. */
  refused: string[];
  reset(): void;
  close(): Promise<void>;
}

export async function startRpcProxy(target: string, opts: { tron?: boolean } = {}): Promise<RpcProxy> {
  const state = { requests: 0, methods: [] as string[], refused: [] as string[] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.requests++;
      const body = Buffer.concat(chunks).toString("utf8");
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return reply(400, { jsonrpc: "2.0", id: null, error: { code: -32700, message: "parse error" } });
      }
      const calls = (Array.isArray(parsed) ? parsed : [parsed]) as { id: number; method: string; params?: unknown[] }[];
      for (const c of calls) state.methods.push(c.method);
      if (opts.tron) {
        if (req.url !== "/jsonrpc") return reply(404, { error: "not found" });
        if (Array.isArray(parsed)) {
          state.refused.push("batch");
          return reply(200, { jsonrpc: "2.0", id: null, error: { code: -32600, message: "batch requests are not supported" } });
        }
        const c = calls[0]!;
        if (c.method === "eth_call" || c.method === "eth_getBalance") {
          const block = c.params?.[1];
          if (block !== "latest") {
            state.refused.push(`${c.method} at ${JSON.stringify(block)}`);
            return reply(200, {
              jsonrpc: "2.0",
              id: c.id,
              error: { code: -32602, message: "invalid block number: TAG latest is the only supported" },
            });
          }
        }
      }
      const upstream = http.request(target, { method: "POST", headers: { "content-type": "application/json" } }, (up) => {
        const out: Buffer[] = [];
        up.on("data", (c: Buffer) => out.push(c));
        up.on("end", () => {
          res.writeHead(up.statusCode ?? 502, { "content-type": "application/json" });
          res.end(Buffer.concat(out));
        });
      });
      upstream.on("error", (err) => {
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(`upstream unavailable: ${err.message}`);
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: RpcProxy = {
    url: `http://127.0.0.1:${port}${opts.tron ? "/jsonrpc" : ""}`,
    get requests() {
      return state.requests;
    },
    get methods() {
      return state.methods;
    },
    get refused() {
      return state.refused;
    },
    reset() {
      state.requests = 0;
      state.methods = [];
      state.refused = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
