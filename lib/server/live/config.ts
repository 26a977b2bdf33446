import "server-only";

import { parseLiveConfig, type LiveConfig } from "@/lib/live/config";

/** The live-signal configuration of this process (read from the environment each call: cheap, and tests change it). */
export function liveConfig(env: Record<string, string | undefined> = process.env): LiveConfig {
  return parseLiveConfig(env);
}
