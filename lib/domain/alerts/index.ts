// Alerts (issue 20), the pure part: event kinds, the follow request schema,
// payload and webhook schemas, figures, rendering in en/es/pt, webhook
// signatures and the private-address check. Server code is in lib/server/alerts/.
export * from "./kinds";
export * from "./subscription-request";
export * from "./payload";
export * from "./figures";
export * from "./render";
export * from "./signature";
export * from "./private-address";
export * from "./events";
