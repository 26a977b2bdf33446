import { describe, expect, it } from "vitest";

import { hexToTron, tronToHex } from "@/lib/live/tron-address";

describe("Tron base58check ↔ 20-byte hex", () => {
  it("converts USDT on Tron both ways", () => {
    expect(tronToHex("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).toBe("0xa614f803b6fd780986a42c78ec9c7f77e6ded13c");
    expect(hexToTron("0xa614f803b6fd780986a42c78ec9c7f77e6ded13c")).toBe("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    expect(hexToTron("41a614f803b6fd780986a42c78ec9c7f77e6ded13c")).toBe("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
  });

  it("refuses a bad checksum or a non-Tron prefix", () => {
    expect(() => tronToHex("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")).toThrow();
    expect(() => tronToHex("1BoatSLRHtKNngkdXEeobR76b53LETtpyT")).toThrow();
    expect(() => hexToTron("0x1234")).toThrow();
  });
});
