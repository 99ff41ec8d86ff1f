/**
 * Every migration, in order. Listed statically (rather than read from the folder at run
 * time) so the same code runs under tsx, Vitest and a bundler. Add new ones at the end.
 */
import type { Migration } from "kysely";
import * as createPlatform from "./2026_11_22_1800_create_platform";
import * as createDiagnosticProjection from "./2026_11_22_1900_create_diagnostic_projection";
import * as createBoardProjection from "./2026_11_22_1910_create_board_projection";
import * as createCollective from "./2026_11_22_1920_create_collective";
import * as addStateVector from "./2026_11_22_2200_add_state_vector";
import * as createDecisions from "./2026_12_05_2330_create_decisions";
import * as createMaturity from "./2026_12_05_2345_create_maturity";
import * as createVersionsAndAmendments from "./2026_12_06_0000_create_versions_and_amendments";
import * as createStructureRequests from "./2026_12_06_0020_create_structure_requests";
import * as archiveCircles from "./2026_12_06_0030_archive_circles";
import * as createPasswordResets from "./2026_12_06_0100_create_password_resets";
import * as createSearch from "./2026_12_06_0100_create_search";
import * as createMeetings from "./2026_12_06_0110_create_meetings";
import * as meetingCalendar from "./2026_12_06_1000_meeting_calendar";
import * as createMeetingTimers from "./2026_12_06_1100_create_meeting_timers";
import * as createMeetingLinks from "./2026_12_06_1101_create_meeting_links";
import * as createComments from "./2026_12_06_1300_create_comments";
import * as oneLatestVote from "./2026_12_06_1400_one_latest_vote";
import * as searchOnPostgres from "./2026_12_06_1400_search_on_postgres";

export const migrations: Record<string, Migration> = {
  "2026_11_22_1800_create_platform": createPlatform,
  "2026_11_22_1900_create_diagnostic_projection": createDiagnosticProjection,
  "2026_11_22_1910_create_board_projection": createBoardProjection,
  "2026_11_22_1920_create_collective": createCollective,
  "2026_11_22_2200_add_state_vector": addStateVector,
  "2026_12_05_2330_create_decisions": createDecisions,
  "2026_12_05_2345_create_maturity": createMaturity,
  "2026_12_06_0000_create_versions_and_amendments": createVersionsAndAmendments,
  "2026_12_06_0020_create_structure_requests": createStructureRequests,
  "2026_12_06_0030_archive_circles": archiveCircles,
  "2026_12_06_0100_create_password_resets": createPasswordResets,
  "2026_12_06_0100_create_search": createSearch,
  "2026_12_06_0110_create_meetings": createMeetings,
  "2026_12_06_1000_meeting_calendar": meetingCalendar,
  "2026_12_06_1100_create_meeting_timers": createMeetingTimers,
  "2026_12_06_1101_create_meeting_links": createMeetingLinks,
  "2026_12_06_1300_create_comments": createComments,
  "2026_12_06_1400_one_latest_vote": oneLatestVote,
  "2026_12_06_1400_search_on_postgres": searchOnPostgres,
};
