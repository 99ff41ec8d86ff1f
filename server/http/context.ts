/** What every route handler can reach: the app's dependencies and the signed-in person. */
import type { Logger } from "pino";
import type { Session, SessionUser } from "../auth/sessions";
import type { Throttle } from "../auth/throttle";
import type { DB } from "../db/database";
import type { AccessEvents } from "../domain/access-events";
import type { PoleEvents } from "../domain/pole-events";
import type { Config } from "../env";

export interface AppDeps {
  db: DB;
  config: Config;
  logger: Logger;
  events: AccessEvents;
  /** What changed in a pôle, for its open pages (decisions…). */
  poleEvents: PoleEvents;
  throttles: { account: Throttle; address: Throttle };
}

export interface AppEnv {
  Variables: {
    user: SessionUser | null;
    session: Session | null;
  };
}
