/**
 * The two ways Maillage runs (CONTRACT.md, "Several instances"): alone on embedded SQLite
 * (the default), or on PostgreSQL — alone, or as one of several instances sharing the
 * same database and the same Redis. Everything that differs between them is chosen here;
 * the rest of the server only sees the interfaces (a store, a fan-out, limits).
 */
import type SQLite from "better-sqlite3";
import type { Logger } from "pino";
import { createLimits, type Limits } from "../auth/limits";
import { openBackupChannel } from "../db/backup-channel";
import { type DB, openDatabase } from "../db/database";
import { claimInstanceLock } from "../db/instance-lock";
import { openPostgres } from "../db/postgres";
import type { AccessEvent, AccessEvents } from "../domain/access-events";
import type { PoleEvents } from "../domain/pole-events";
import type { Env } from "../env";
import { createPostgresStore, type DocumentStore } from "../storage";
import type { Fanout } from "../sync/fanout";
import { Instances } from "./instances";
import { RedisBus } from "./redis-bus";
import { RedisFanout } from "./redis-fanout";
import { redisThrottles } from "./redis-throttle";
import { relayAccessEvents, relayPoleEvents } from "./relay";

export interface Deployment {
  mode: "sqlite" | "postgres" | "postgres+redis";
  db: DB;
  /** SQLite's raw handle, for the sync layer's hot path (SQLite mode only). */
  sqlite?: SQLite.Database;
  /** The document store, when not the SQLite default. */
  store?: DocumentStore;
  /** How documents reach the other instances (with Redis only). */
  fanout?: Fanout;
  /** Throttles and rate limits, in memory or shared through Redis. */
  limits: Limits;
  /** Relays access changes between instances (with Redis); `follow` acts on the others'. */
  shareAccess(events: AccessEvents, follow: (event: AccessEvent) => void): Promise<void>;
  /** Relays the pôles' events between instances (with Redis). */
  sharePoleEvents(events: PoleEvents): Promise<void>;
  /** Lets go of Redis, of the instance lock or of the backup channel; the caller then destroys `db`. */
  close(): Promise<void>;
}

export async function openDeployment(config: Env, logger: Logger): Promise<Deployment> {
  if (!config.DATABASE_URL) {
    const { db, sqlite } = openDatabase(config.DATA_DIR, config.DB_SYNCHRONOUS);
    const backups = await openBackupChannel(sqlite, config.DATA_DIR, logger);
    return {
      mode: "sqlite",
      db,
      sqlite,
      limits: createLimits(),
      shareAccess: async () => {},
      sharePoleEvents: async () => {},
      close: () => backups.close(),
    };
  }
  const { db, pool } = openPostgres(config.DATABASE_URL);
  let releaseLock: () => void;
  try {
    releaseLock = await claimInstanceLock(pool, Boolean(config.REDIS_URL));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const store = createPostgresStore(db);
  if (!config.REDIS_URL) {
    return {
      mode: "postgres",
      db,
      store,
      limits: createLimits(),
      shareAccess: async () => {},
      sharePoleEvents: async () => {},
      close: async () => releaseLock(),
    };
  }
  let bus: RedisBus;
  try {
    bus = await RedisBus.connect(config.REDIS_URL, (err, channel) =>
      logger.warn({ err, channel }, "dropped a Redis message that could not be read"),
    );
  } catch (error) {
    releaseLock();
    await db.destroy();
    throw error;
  }
  const instances = new Instances(bus);
  await instances.start();
  logger.info({ instanceId: bus.instanceId }, "serving with PostgreSQL and Redis");
  return {
    mode: "postgres+redis",
    db,
    store,
    fanout: new RedisFanout(bus, instances),
    limits: createLimits(redisThrottles(bus.publisher)),
    shareAccess: (events, follow) => relayAccessEvents(bus, events, follow),
    sharePoleEvents: (events) => relayPoleEvents(bus, events),
    async close() {
      instances.stop();
      await bus.close();
      releaseLock();
    },
  };
}
