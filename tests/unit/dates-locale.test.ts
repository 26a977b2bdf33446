import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { formatDay } from "@/lib/i18n/dates";

// What Node's Intl writes for es-419 and pt-BR (ICU data): "medium" day style,
// short month and year for month-only dates.
describe("formatDay", () => {
  it("keeps ISO 8601 on English pages", () => {
    expect(formatDay("2025-09-30", "en")).toBe("2025-09-30");
    expect(formatDay("2025-09-30", "en", "day")).toBe("2025-09-30");
    expect(formatDay("2025-09", "en", "month")).toBe("2025-09");
    // A day known to the month only reads as formatAsOf did.
    expect(formatDay("2025-09-01", "en", "month")).toBe("2025-09");
  });

  it("writes the day the Spanish and Portuguese way", () => {
    expect(formatDay("2025-09-30", "es")).toBe("30 sept 2025");
    expect(formatDay("2025-01-01", "es")).toBe("1 ene 2025");
    expect(formatDay("2024-02-29", "es")).toBe("29 feb 2024");
    expect(formatDay("2025-09-30", "pt")).toBe("30 de set. de 2025");
    expect(formatDay("2025-05-01", "pt")).toBe("1 de mai. de 2025");
    expect(formatDay("2024-12-31", "pt")).toBe("31 de dez. de 2024");
  });

  it("writes month-only dates without a day, from YYYY-MM or YYYY-MM-DD", () => {
    expect(formatDay("2025-09", "es", "month")).toBe("sept 2025");
    expect(formatDay("2025-09-01", "es", "month")).toBe("sept 2025");
    expect(formatDay("2025-09-30", "es", "month")).toBe("sept 2025");
    expect(formatDay("2025-09", "pt", "month")).toBe("set. de 2025");
    expect(formatDay("2025-06-30", "pt", "month")).toBe("jun. de 2025");
    // A month cannot read as a day.
    expect(formatDay("2025-09", "es")).toBe("sept 2025");
  });

  it("leaves what is not a calendar date as it is", () => {
    for (const locale of ["en", "es", "pt"] as const) {
      expect(formatDay("", locale)).toBe("");
      expect(formatDay("2025-02-30", locale)).toBe("2025-02-30");
      expect(formatDay("2025-13", locale, "month")).toBe("2025-13");
      expect(formatDay("2025-09-30T12:00:00.000Z", locale)).toBe("2025-09-30T12:00:00.000Z");
    }
  });

  it("shows the stored day whatever the process time zone (no off-by-one)", () => {
    // The function reads no local time (Date.UTC in, timeZone "UTC" out), so the
    // process's TZ is left as it is: every day, first and last of the month
    // included, must read with the ISO string's own day, month and year.
    const ES = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"];
    const PT = ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."];
    const days = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(days, (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
        expect(formatDay(iso, "es")).toBe(`${day} ${ES[m - 1]} ${y}`);
        expect(formatDay(iso, "pt")).toBe(`${day} de ${PT[m - 1]} de ${y}`);
        expect(formatDay(iso, "es", "month")).toBe(`${ES[m - 1]} ${y}`);
        expect(formatDay(iso, "pt", "month")).toBe(`${PT[m - 1]} de ${y}`);
      }),
      { numRuns: 500 },
    );
    for (const iso of ["2025-01-01", "2025-12-31", "2024-02-29", "2025-03-01", "2025-10-31"]) {
      const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
      expect(formatDay(iso, "es")).toBe(`${day} ${ES[m - 1]} ${y}`);
      expect(formatDay(iso, "pt")).toBe(`${day} de ${PT[m - 1]} de ${y}`);
    }
  });
});
