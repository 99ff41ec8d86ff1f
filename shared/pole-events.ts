/**
 * What the pôle's event stream (GET /api/poles/:poleId/events) carries: only which thing
 * changed, never its content. A page that shows it refetches it through the API, with
 * the reader's own rights. Other features add their type here.
 */
export const poleEventTypes = [
  "decision",
  "colleges",
  "amendment",
  "maturity",
  "meeting",
  "comment",
  "notification",
  /** A document edit was recorded for the activity feed (at most every 5 min per person). */
  "activity",
] as const;
export type PoleEventType = (typeof poleEventTypes)[number];

export interface PoleEvent {
  type: PoleEventType;
  /**
   * The id of the thing that changed (a decision…); the pôle's id for pôle-wide settings;
   * for `notification`, its recipient's id: only that person's stream carries it.
   */
  id: string;
  /** When set, only the people who read this document are told. */
  documentId?: string;
}
