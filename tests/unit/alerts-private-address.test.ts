// The webhook address check (lib/domain/alerts/private-address.ts): every
// non-public range named in issue 20 is refused, IPv6 forms carrying an IPv4
// address are judged by it, and ordinary public addresses pass.
import { describe, expect, it } from "vitest";

import { ipLiteralHost, isPrivateAddress, parseIPv4, parseIPv6, privateAddressReason } from "@/lib/domain/alerts/private-address";

describe("private addresses", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["169.254.169.254", "metadata"],
    ["169.254.1.1", "link-local"],
    ["0.0.0.0", "this network"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "unique-local"],
    ["fd12:3456:789a::1", "unique-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:10.0.0.1", "private"],
    ["0:0:0:0:0:ffff:c0a8:0101", "private"],
    ["64:ff9b::10.0.0.1", "private"],
    ["2002:0a00:0001::1", "private"],
    ["ff02::1", "multicast"],
  ])("refuses %s (%s)", (address, what) => {
    const why = privateAddressReason(address);
    expect(why, address).not.toBeNull();
    expect(why!.toLowerCase()).toContain(what.toLowerCase() === "metadata" ? "metadata" : what.toLowerCase().split(" ")[0]!);
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "172.32.0.1",
    "172.15.255.255",
    "100.128.0.1",
    "169.253.255.255",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "64:ff9b::8.8.8.8",
  ])("lets %s through", (address) => {
    expect(privateAddressReason(address)).toBeNull();
  });

  it("refuses what is not an address at all", () => {
    for (const s of ["localhost", "example.org", "1.2.3", "1.2.3.256", "01.2.3.4", "1::2::3", "12345::", ""])
      expect(isPrivateAddress(s), s).toBe(true);
  });

  it("parses IPv4 and IPv6 exactly", () => {
    expect(parseIPv4("192.0.2.1")).toEqual([192, 0, 2, 1]);
    expect(parseIPv6("2001:db8::1")).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIPv6("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIPv6("1:2:3:4:5:6:1.2.3.4")).toEqual([1, 2, 3, 4, 5, 6, 0x0102, 0x0304]);
    expect(parseIPv6("1::")).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6("1:2:3:4:5:6:7")).toBeNull();
    expect(parseIPv6(":1")).toBeNull();
  });

  it("reads IP literals in URLs as the URL parser normalises them (decimal and short forms included)", () => {
    expect(ipLiteralHost(new URL("http://2130706433/"))).toBe("127.0.0.1");
    expect(ipLiteralHost(new URL("http://127.1/"))).toBe("127.0.0.1");
    expect(ipLiteralHost(new URL("http://0x7f.0.0.1/"))).toBe("127.0.0.1");
    expect(ipLiteralHost(new URL("http://[::ffff:127.0.0.1]/"))).toBe("::ffff:7f00:1");
    expect(isPrivateAddress(ipLiteralHost(new URL("http://[::ffff:127.0.0.1]/"))!)).toBe(true);
    expect(ipLiteralHost(new URL("https://hooks.example.org/x"))).toBeNull();
  });
});
