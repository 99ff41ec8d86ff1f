/**
 * The shape of every namespace, so that `t()` keys are checked. Features register their
 * strings at run time (lib/i18n `registerStrings`); this file, above them, only gathers
 * their types.
 */
import type { fr as frame } from "./app/strings";
import type { fr as account } from "./features/account/strings";
import type { fr as audit } from "./features/audit/strings";
import type { fr as boards } from "./features/boards/strings";
import type { fr as circles } from "./features/circles/strings";
import type { fr as comments } from "./features/comments/strings";
import type { fr as decisions } from "./features/decisions/strings";
import type { fr as diagnostic } from "./features/diagnostic/strings";
import type { fr as directory } from "./features/directory/strings";
import type { fr as governance } from "./features/governance/strings";
import type { fr as history } from "./features/history/strings";
import type { fr as maturity } from "./features/maturity/strings";
import type { fr as calendar } from "./features/meetings/calendar-strings";
import type { fr as meetingRun } from "./features/meetings/run-strings";
import type { fr as meetings } from "./features/meetings/strings";
import type { fr as onboarding } from "./features/onboarding/strings";
import type { fr as profile } from "./features/profile/strings";
import type { fr as search } from "./features/search/strings";
import type { fr as core } from "./lib/i18n/fr";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: typeof core;
      collective: typeof frame &
        typeof profile &
        typeof directory &
        typeof circles &
        typeof onboarding &
        typeof audit;
      account: typeof account;
      boards: typeof boards;
      decisions: typeof decisions;
      diagnostic: typeof diagnostic;
      history: typeof history;
      governance: typeof governance;
      maturity: typeof maturity;
      search: typeof search;
      meetings: typeof meetings;
      calendar: typeof calendar;
      meetingRun: typeof meetingRun;
      comments: typeof comments;
    };
  }
}
