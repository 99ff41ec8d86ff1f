/** What every route handler can reach: the app's dependencies and the signed-in person. */
import type { Logger } from "pino";
import type { Limits } from "../auth/limits";
import type { Session, SessionUser } from "../auth/sessions";
import type { DomainContext } from "../domain/context";
import type { Config } from "../env";

export interface AppDeps {
  /** What the domain's use cases reach: the database, access events, the mailer… */
  ctx: DomainContext;
  config: Config;
  logger: Logger;
  /** Login throttling and per-person rate limits. */
  limits: Limits;
}

export interface AppEnv {
  Variables: {
    user: SessionUser | null;
    session: Session | null;
  };
}
