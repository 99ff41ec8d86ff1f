/** What the decision and college use cases reach: the database and the pôle's event stream. */
import type { DB } from "../db/database";
import type { PoleEvents } from "./pole-events";

export interface DecisionContext {
  db: DB;
  poleEvents: PoleEvents;
}
