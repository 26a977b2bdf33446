// Types of redis-store.mjs (plain JavaScript, imported by Next at run time) for the TypeScript that uses it.
import type { RedisClientType } from "redis";

export declare const MAX_TTL_SECONDS: number;
export interface RedisCacheSettings {
  url: string;
  prefix: string;
  commandTimeoutMs: number;
  writeTimeoutMs: number;
  connectTimeoutMs: number;
  logIntervalMs: number;
}
export declare function settings(env?: Record<string, string | undefined>): RedisCacheSettings;
export declare function redisConfigured(env?: Record<string, string | undefined>): boolean;
export declare function reportFailure(operation: string, err: unknown): void;
export declare function redis(): RedisClientType | undefined;
export declare function redisWriter(): RedisClientType | undefined;
export declare function prefix(): string;
export declare function counters(): { hits: number; misses: number; errors: number };
export declare function tagFields(tags: readonly string[], durations?: { expire?: number }, now?: number): Record<string, string>;
export declare function updateTags(tags: readonly string[], durations?: { expire?: number }): Promise<void>;
export declare function tagVerdict(
  client: RedisClientType,
  tags: readonly string[],
  timestamp: number,
  now?: number,
): Promise<{ expired: boolean; stale: boolean }>;
export declare function judgeTags(
  values: ReadonlyArray<number | undefined>,
  timestamp: number,
  now?: number,
): { expired: boolean; stale: boolean };
export declare function ttlSeconds(seconds: number | undefined): number;
export type RedisHealth =
  | { state: "off" }
  | { state: "up"; latencyMs: number; prefix: string; hits: number; misses: number; errors: number }
  | { state: "down"; error: string; pendingTagWrites: number };
export declare function redisHealth(): Promise<RedisHealth>;
export declare function closeRedis(): Promise<void>;
