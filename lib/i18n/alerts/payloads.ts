// The alert payloads the outbox stores (lib/domain/alerts/payload.ts): the content
// lib/domain/alerts/events.ts decides for each event, with every figure's English
// text added ("≈ $39.7 B": the webhook's documented `text`, in English whatever the
// subscriber's language) and the whole checked against the schema. lib/server/alerts/
// records them; each …Payload builder takes what the matching …Content of
// lib/domain/alerts/events.ts takes.
// Pure: no server, framework or database code; no clock.
import {
  overdueContent,
  priceBandContent,
  reportEventContent,
  reserveBelowSupplyContent,
  stressEventContent,
  supplyDivergenceContent,
} from "@/lib/domain/alerts/events";
import { alertEventPayloadSchema, type AlertEventContent, type AlertEventPayload } from "@/lib/domain/alerts/payload";

import { formatAlertFigure } from "./figures";

/** The stored payload: each figure with its English text, checked against the schema. */
export function alertPayload(content: AlertEventContent): AlertEventPayload {
  return alertEventPayloadSchema.parse({ ...content, figures: content.figures.map((f) => ({ ...f, text: formatAlertFigure(f, "en") })) });
}

const stored =
  <A extends unknown[]>(build: (...args: A) => AlertEventContent) =>
  (...args: A): AlertEventPayload =>
    alertPayload(build(...args));

export const reportEventPayload = stored(reportEventContent);
export const stressEventPayload = stored(stressEventContent);
export const overduePayload = stored(overdueContent);
export const priceBandPayload = stored(priceBandContent);
export const supplyDivergencePayload = stored(supplyDivergenceContent);
export const reserveBelowSupplyPayload = stored(reserveBelowSupplyContent);
