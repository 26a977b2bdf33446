// Alerts (issue 20), the pure part: event kinds, the follow request schema,
// payload and webhook schemas, figures, webhook signatures and the
// private-address check. Their words, figure texts and messages in en/es/pt are
// in lib/i18n/alerts/; server code is in lib/server/alerts/.
export * from "./kinds";
export * from "./subscription-request";
export * from "./payload";
export * from "./figures";
export * from "./signature";
export * from "./private-address";
export * from "./events";
