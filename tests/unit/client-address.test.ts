// The client address behind the per-network limits: taken from the socket, and
// from X-Forwarded-For only as far as TRUST_PROXY trusts proxies.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  clientAddress,
  normalizeAddress,
  parseTrustProxy,
  REMOTE_ADDRESS_HEADER,
  setRemoteAddressHeader,
  type TrustProxy,
} from "@/lib/domain/client-address";

const NONE: TrustProxy = { kind: "none" };
const trust = (raw: string): TrustProxy => {
  const parsed = parseTrustProxy(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join("."));
const ipv6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }).map((g) => g.map((n) => n.toString(16)).join(":"));
/** What a client may write in X-Forwarded-For: addresses, or anything at all. */
const forwardedFor = fc.oneof(
  fc.array(fc.oneof(ipv4, ipv6), { minLength: 1, maxLength: 6 }).map((a) => a.join(", ")),
  fc.string({ maxLength: 80 }),
);

describe("the client address without TRUST_PROXY", () => {
  it("is the socket's, whatever X-Forwarded-For says", () => {
    fc.assert(
      fc.property(forwardedFor, (xff) => {
        expect(clientAddress({ socket: "198.51.100.23", forwardedFor: xff, trust: NONE })).toBe("198.51.100.23");
      }),
    );
  });

  it("does not change when a client sends a different X-Forwarded-For with every request", () => {
    const seen = new Set<string | null>();
    for (let i = 0; i < 50; i++)
      seen.add(clientAddress({ socket: "198.51.100.23", forwardedFor: `203.0.113.${i}, 10.0.0.${i}`, trust: NONE }));
    expect([...seen]).toEqual(["198.51.100.23"]);
  });

  it("is null without a socket address: nothing else stands in for it", () => {
    expect(clientAddress({ socket: undefined, forwardedFor: "203.0.113.9", trust: NONE })).toBeNull();
    expect(clientAddress({ socket: "not an address", forwardedFor: "203.0.113.9", trust: trust("1") })).toBeNull();
  });
});

describe("TRUST_PROXY as a hop count", () => {
  it("with 1, takes the rightmost entry: the address our proxy saw", () => {
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.7", trust: trust("1") })).toBe("203.0.113.7");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "203.0.113.7", trust: trust("1") })).toBe("203.0.113.7");
  });

  it("with 1, entries a client added on the left never change the address", () => {
    fc.assert(
      fc.property(forwardedFor, (spoofed) => {
        expect(clientAddress({ socket: "10.0.0.2", forwardedFor: `${spoofed}, 203.0.113.7`, trust: trust("1") })).toBe("203.0.113.7");
      }),
    );
  });

  it("with 2, takes the second entry from the right", () => {
    // client → CDN (writes the client) → load balancer (writes the CDN) → us
    expect(clientAddress({ socket: "10.0.0.3", forwardedFor: "6.6.6.6, 203.0.113.7, 192.0.2.50", trust: trust("2") })).toBe("203.0.113.7");
  });

  it("falls back to the socket without X-Forwarded-For, and to the leftmost entry when fewer proxies wrote one", () => {
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: null, trust: trust("1") })).toBe("10.0.0.2");
    expect(clientAddress({ socket: "10.0.0.3", forwardedFor: "203.0.113.7", trust: trust("2") })).toBe("203.0.113.7");
  });

  it("keeps the proxy's address when the trusted entry is not an address", () => {
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "203.0.113.7, unknown", trust: trust("1") })).toBe("10.0.0.2");
  });
});

describe("TRUST_PROXY as a list of proxies", () => {
  const proxies = trust("10.0.0.2, 10.0.0.3");

  it("skips listed proxies from the right and takes the first address that is not one", () => {
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "203.0.113.7, 10.0.0.3", trust: proxies })).toBe("203.0.113.7");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "203.0.113.7", trust: proxies })).toBe("203.0.113.7");
  });

  it("ignores spoofed entries left of the client, even ones naming a listed proxy", () => {
    fc.assert(
      fc.property(forwardedFor, (spoofed) => {
        expect(clientAddress({ socket: "10.0.0.2", forwardedFor: `${spoofed}, 203.0.113.7, 10.0.0.3`, trust: proxies })).toBe(
          "203.0.113.7",
        );
      }),
    );
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "10.0.0.3, 6.6.6.6, 203.0.113.7", trust: proxies })).toBe("203.0.113.7");
  });

  it("believes no X-Forwarded-For from a socket that is not a listed proxy", () => {
    expect(clientAddress({ socket: "198.51.100.23", forwardedFor: "203.0.113.7", trust: proxies })).toBe("198.51.100.23");
    expect(clientAddress({ socket: "198.51.100.23", forwardedFor: "203.0.113.7, 10.0.0.3", trust: proxies })).toBe("198.51.100.23");
  });

  it("matches proxies whatever form the socket reports them in (IPv4-mapped IPv6, long IPv6)", () => {
    expect(clientAddress({ socket: "::ffff:10.0.0.2", forwardedFor: "203.0.113.7", trust: proxies })).toBe("203.0.113.7");
    expect(clientAddress({ socket: "2001:0db8:0000::0001", forwardedFor: "203.0.113.7", trust: trust("2001:db8::1") })).toBe("203.0.113.7");
  });

  it("stops at an entry that is not an address, keeping the nearest proxy's", () => {
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "203.0.113.7, garbage, 10.0.0.3", trust: proxies })).toBe("10.0.0.3");
  });
});

describe("reading addresses", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::FFFF:C000:0201", "192.0.2.1"],
    ["2001:0DB8::0001", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["192.0.2.1:5000", "192.0.2.1"],
    ["fe80::1%eth0", "fe80::1"],
    ["010.0.0.1", null],
    ["256.0.0.1", null],
    ["1.2.3", null],
    ["::1]/x[", null],
    ["unknown", null],
    ["", null],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe("TRUST_PROXY values", () => {
  it("reads unset, 0, a hop count and a list of addresses", () => {
    expect(parseTrustProxy(undefined)).toEqual({ ok: true, value: { kind: "none" } });
    expect(parseTrustProxy("")).toEqual({ ok: true, value: { kind: "none" } });
    expect(parseTrustProxy("0")).toEqual({ ok: true, value: { kind: "none" } });
    expect(parseTrustProxy(" 2 ")).toEqual({ ok: true, value: { kind: "hops", hops: 2 } });
    expect(parseTrustProxy("10.0.0.2, ::ffff:10.0.0.3,2001:DB8::1")).toEqual({
      ok: true,
      value: { kind: "list", proxies: ["10.0.0.2", "10.0.0.3", "2001:db8::1"] },
    });
  });

  it.each([
    ["true", /"true" is not an IP address/],
    ["11", /11 hops is more than 10/],
    ["10.0.0.2:8080", /"10\.0\.0\.2:8080" is not an IP address/],
    ["10.0.0.0/8", /"10\.0\.0\.0\/8" is not an IP address/],
    [" , ", /^TRUST_PROXY must be the number of proxies/],
  ])("refuses %j with a message saying what it must be", (raw, detail) => {
    const parsed = parseTrustProxy(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(
      /^TRUST_PROXY must be the number of proxies in front of the server \(such as 1\) or a comma-separated list of their IP addresses/,
    );
    expect(parsed.message).toMatch(detail);
  });

  it("is validated with the rest of the configuration", async () => {
    const { env } = await import("@/lib/server/env");
    const saved = { DATABASE_URL: process.env.DATABASE_URL, TRUST_PROXY: process.env.TRUST_PROXY };
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/none";
    try {
      process.env.TRUST_PROXY = "yes please";
      expect(() => env()).toThrow(
        /Invalid configuration:\n {2}TRUST_PROXY: TRUST_PROXY must be the number of proxies .*"yes please" is not an IP address/,
      );
      process.env.TRUST_PROXY = "1";
      expect(env().TRUST_PROXY).toEqual({ kind: "hops", hops: 1 });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe("the header our server sets (scripts/server.ts)", () => {
  it("replaces every copy a client sent with the socket's address", async () => {
    const server = http.createServer((req, res) => {
      setRemoteAddressHeader(req.headers, req.socket.remoteAddress);
      res.end(JSON.stringify(req.headers[REMOTE_ADDRESS_HEADER]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      // Raw HTTP, so the request can carry two copies in two spellings: Node joins them, and the whole goes.
      const seen = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1", () => {
          socket.write(
            `GET / HTTP/1.1\r\nHost: x\r\nX-USD1-Remote-Addr: 6.6.6.6\r\nx-usd1-remote-addr: 7.7.7.7\r\nConnection: close\r\n\r\n`,
          );
        });
        let raw = "";
        socket.on("data", (c: Buffer) => (raw += c.toString()));
        socket.on("end", () => resolve(raw.slice(raw.indexOf("\r\n\r\n") + 4)));
        socket.on("error", reject);
      });
      expect(JSON.parse(seen)).toBe("127.0.0.1");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("leaves no header when the socket has no address", () => {
    const headers: Record<string, string | string[] | undefined> = { [REMOTE_ADDRESS_HEADER]: "6.6.6.6" };
    setRemoteAddressHeader(headers, undefined);
    expect(headers).toEqual({});
  });
});
