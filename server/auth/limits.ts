/**
 * Every throttle and rate limit of the instance, with their settings. Each sits behind the
 * `Throttle` interface, so a store shared by several instances replaces them together.
 */
import { memoryThrottles, type Throttle, type ThrottleStore } from "./throttle";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface Limits {
  /** Failed sign-ins on one account from one address: the guesses of one attacker. */
  signInFromAddress: Throttle;
  /** Failed sign-ins on one account from anywhere: guesses spread over many addresses. */
  signInToAccount: Throttle;
  /** Invitations e-mailed by one person (the instance's reputation as a sender). */
  invitationEmails: Throttle;
  /** Pôles founded by one person. */
  poleFoundings: Throttle;
  /**
   * Reset links asked for one address, whether or not it has an account (so that the
   * refusal says nothing): nobody makes the instance flood someone's mailbox.
   */
  resetRequests: Throttle;
  /** Comments and threads posted by one person: a runaway script, not a lively debate. */
  comments: Throttle;
}

export const INVITATION_EMAILS_PER_HOUR = 200;
export const POLE_FOUNDINGS_PER_DAY = 5;
export const RESET_REQUESTS_PER_HOUR = 5;
export const COMMENTS_PER_TEN_MINUTES = 60;

export function createLimits(store: ThrottleStore = memoryThrottles): Limits {
  const delays = { baseMs: SECOND, capMs: 5 * MINUTE, forgetMs: HOUR };
  return {
    signInFromAddress: store.growingDelay("sign-in-address", { free: 5, ...delays }),
    signInToAccount: store.growingDelay("sign-in-account", { free: 20, ...delays }),
    invitationEmails: store.windowLimit("invitation-emails", {
      limit: INVITATION_EMAILS_PER_HOUR,
      windowMs: HOUR,
    }),
    poleFoundings: store.windowLimit("pole-foundings", {
      limit: POLE_FOUNDINGS_PER_DAY,
      windowMs: 24 * HOUR,
    }),
    resetRequests: store.windowLimit("reset-requests", {
      limit: RESET_REQUESTS_PER_HOUR,
      windowMs: HOUR,
    }),
    comments: store.windowLimit("comments", {
      limit: COMMENTS_PER_TEN_MINUTES,
      windowMs: 10 * MINUTE,
    }),
  };
}
