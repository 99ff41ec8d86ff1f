/**
 * The domain's one calling convention. A use case is `(ctx, actorId, input)`: what it may
 * reach, who acts, and what they ask, every id a named field of `input` so that two ids
 * cannot be swapped and still type-check. A step run inside a caller's transaction is
 * `(db, input)` in the same spirit. Without an actor (set-up, invitation links) it is
 * `(ctx, input)`.
 */
import type { DB } from "../db/database";
import type { AccessEvents } from "./access-events";
import type { LiveDocuments } from "./live-documents";
import type { Mailer } from "./mailer";
import type { PoleEvents } from "./pole-events";

export interface DomainContext {
  db: DB;
  /** Told when someone's rights may have changed, so open connections are re-checked. */
  events: AccessEvents;
  /** Told what changed in a pôle (a decision…), so that its open pages refetch it. */
  poleEvents: PoleEvents;
  /** Null without SMTP_URL: invitations are then passed on by hand. */
  mailer: Mailer | null;
  /** Where links sent to people point. */
  publicUrl: string;
  /** Whether anyone signed in may found another pôle (otherwise coordinators only). */
  allowPoleCreation: boolean;
  /** The documents people have open, changed by the server as forward edits (restore, adoption). */
  live: LiveDocuments;
}

/** The part of the context a use case needs: always the database, and the parts named. */
export type Ctx<K extends keyof DomainContext = never> = Pick<DomainContext, "db" | K>;
