import { z } from "zod";

import { STRESS_KINDS } from "@/lib/domain/taxonomy";

import { figure, httpUrl, optionalCalendarDate, optionalText, requiredText, slug } from "./common";

export const stressEventInput = z
  .object({
    issuerSlug: slug,
    startDate: optionalCalendarDate,
    endDate: optionalCalendarDate,
    kind: z.enum(STRESS_KINDS, { error: `must be one of: ${STRESS_KINDS.join(", ")}` }),
    lowestPrice: z
      .string()
      .trim()
      .regex(/^\d{1,6}(\.\d{1,6})?$/, "must be a price in US dollars, e.g. 0.9650")
      .nullish()
      .or(z.literal(""))
      .transform((s) => (s ? s : null)),
    reserveExposureUsd: figure.nullish().transform((f) => f ?? null),
    summary: requiredText(2000),
    issuerResponse: optionalText(5000),
    sources: z
      .array(z.object({ url: httpUrl, title: optionalText(300) }).strict())
      .min(1, "at least one source")
      .max(20),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.startDate && e.endDate && e.endDate < e.startDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "cannot be before the start date" });
    }
    const urls = e.sources.map((s) => s.url);
    urls.forEach((u, i) => {
      if (urls.indexOf(u) !== i) ctx.addIssue({ code: "custom", path: ["sources", i, "url"], message: "listed twice" });
    });
  });
export type StressEventInput = z.infer<typeof stressEventInput>;
