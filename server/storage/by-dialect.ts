import type { Kysely } from "kysely";
import { isPostgres } from "../db/dialect";
import type { Database } from "../db/schema";
import { createBaseStore } from "./kysely";
import { createPostgresStore } from "./postgres";
import type { DocumentStore } from "./store";

/**
 * The store of whichever database `db` is (or is a transaction of): what the domain and
 * the exports use, so that on PostgreSQL they read in one snapshot and version under the
 * document's lock like the sync layer does.
 */
export const createKyselyStore = (
  db: Kysely<Database>,
  now: () => number = Date.now,
): DocumentStore => (isPostgres(db) ? createPostgresStore(db, now) : createBaseStore(db, now));
