import { type Kysely, sql } from "kysely";

/**
 * One latest vote per person and decision, held by the database itself: the rule every
 * tally relies on, whatever interleaving of requests several instances bring. A database
 * that two racing votes already left with two keeps the later one (the highest id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE decision_votes SET latest = 0
    WHERE latest = 1 AND id < (
      SELECT max(v.id) FROM decision_votes v
      WHERE v.decision_id = decision_votes.decision_id
        AND v.user_id = decision_votes.user_id AND v.latest = 1)`.execute(db);
  await sql`CREATE UNIQUE INDEX decision_votes_one_latest
    ON decision_votes (decision_id, user_id) WHERE latest = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX decision_votes_one_latest`.execute(db);
}
