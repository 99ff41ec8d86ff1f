/** The database as Kysely sees it; mirrors migrations/ (snake_case, times in epoch ms). */
import type { Generated, Insertable, Selectable } from "kysely";
import type { AmendmentState } from "../../shared/amendments";
import type {
  FormalisationLevel,
  InterestLevel,
  LegalForm,
  Maturity,
  PoleKind,
  SizeBand,
} from "../../shared/collective";
import type { ReactionEmoji, ThreadState, ThreadTargetKind } from "../../shared/comments";
import type {
  DecisionMethod,
  DecisionOutcome,
  DecisionState,
  VoteChoice,
} from "../../shared/decisions";
import type { DiagnosticTable } from "../../shared/diagnostic/vocabularies";
import type { DocumentKind } from "../../shared/documents";
import type { GodinMarker, ObjectiveKey } from "../../shared/maturity/referentiel";
import type { AudienceKind } from "../../shared/maturity/rules";
import type { ItemLinkKind } from "../../shared/meeting-run";
import type { AgendaItemKind, AttendanceStatus, MeetingState } from "../../shared/meetings";
import type { CircleKind, CircleRole, PoleRole } from "../../shared/permissions";
import type { VersionKind } from "../../shared/versions";

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  password_hash: string;
  locale: Generated<string>;
  created_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the token, hex: the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: number;
}

export interface PasswordResetsTable {
  /** SHA-256 of the link's token, hex. */
  token_hash: string;
  user_id: string;
  /** The coordinator who issued the link to copy; null when it was asked for by e-mail. */
  issued_by: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface PolesTable {
  id: string;
  slug: string;
  name: string;
  created_at: number;
}

export interface PoleMembersTable {
  pole_id: string;
  user_id: string;
  role: PoleRole;
  joined_at: number;
}

export interface CirclesTable {
  id: string;
  pole_id: string;
  kind: CircleKind;
  name: string;
  parent_id: string | null;
  created_at: number;
  /** Archived (hidden from the active circles, documents read-only), restorable. */
  archived_at: number | null;
  /** Deleted: seats removed, documents archived; the row stays for names in history. */
  deleted_at: number | null;
}

export interface CircleMembersTable {
  circle_id: string;
  user_id: string;
  pole_id: string;
  role: CircleRole;
  since: number;
}

export interface MembershipEventsTable {
  id: Generated<number>;
  pole_id: string;
  circle_id: string;
  user_id: string;
  /** The role taken on that day; null when the person left the circle. */
  role: CircleRole | null;
  actor_id: string | null;
  at: number;
}

export interface InvitationsTable {
  id: string;
  pole_id: string;
  token_hash: string;
  email: string | null;
  pole_role: PoleRole;
  /** JSON: Array<{ circleId, role }>. */
  circles: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
}

export interface DocumentsTable {
  id: string;
  pole_id: string;
  kind: DocumentKind;
  title: string;
  circle_id: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  /** Archived with its circle: read-only for everyone, listed in the archives. */
  archived_at: number | null;
}

export interface DocumentStatesTable {
  document_id: string;
  state: Uint8Array;
  /** `Y.encodeStateVector` of `state`; null where the writer did not record it. */
  state_vector: Uint8Array | null;
  updated_at: number;
}

export interface DocumentUpdatesTable {
  id: Generated<number>;
  document_id: string;
  data: Uint8Array;
}

export interface AuditLogTable {
  id: Generated<number>;
  pole_id: string;
  actor_id: string | null;
  action: string;
  target: string | null;
  /** JSON object. */
  details: Generated<string>;
  at: number;
}

// The collective (migrations/2026_11_22_1920_create_collective.ts).
export interface PoleProfilesTable {
  pole_id: string;
  territory: string;
  /** JSON: string[]. */
  communes: string;
  kind: PoleKind | null;
  /** JSON: ActionLogic[]. */
  action_logics: string;
  maturity: Maturity | null;
  formalisation: FormalisationLevel | null;
  carrying_structure: string;
  has_place: number;
  place: string;
  updated_at: number;
  updated_by: string | null;
}

export interface StructuresTable {
  id: string;
  pole_id: string;
  name: string;
  folded_name: string;
  legal_form: LegalForm;
  size_band: SizeBand | null;
  /** JSON: string[]. */
  sectors: string;
  ess: number;
  created_by: string | null;
  created_at: number;
}

/** A person's pending request to join a structure (one per person and pôle). */
export interface StructureRequestsTable {
  pole_id: string;
  user_id: string;
  structure_id: string;
  requested_at: number;
}

export interface PeopleTable {
  pole_id: string;
  user_id: string;
  structure_id: string | null;
  role_in_structure: Generated<string>;
  /** JSON: string[]. */
  competencies: Generated<string>;
  brings: Generated<string>;
  seeks: Generated<string>;
  interest: InterestLevel | null;
  updated_at: number;
}

export interface CircleDetailsTable {
  circle_id: string;
  pole_id: string;
  theme: string;
  description: string;
}

export interface OnboardingsTable {
  pole_id: string;
  user_id: string;
  started_at: number;
}

export interface OnboardingStepsTable {
  pole_id: string;
  user_id: string;
  step: string;
  done_at: number;
}

export interface CircleSuggestionsTable {
  id: string;
  pole_id: string;
  user_id: string;
  circle_id: string;
  role: CircleRole;
  interest: InterestLevel;
  state: "pending" | "confirmed" | "dismissed";
  created_at: number;
  decided_at: number | null;
  decided_by: string | null;
}

// Project boards (migrations/2026_11_22_1910_create_board_projection.ts).
export interface BoardCardsTable {
  board_id: string;
  card_id: string;
  pole_id: string;
  title: string;
  column_id: string;
  column_title: string;
  column_position: number;
  /** The card's rank within its column. */
  position: number;
  carrier_mode: string;
  jobs_created: number;
  jobs_kept: number;
}

export interface BoardCardFundingTable {
  board_id: string;
  card_id: string;
  line_id: string;
  pole_id: string;
  position: number;
  funder: string;
  scheme: string;
  amount_cents: number;
  state: string;
  year: number;
}

export interface BoardCardMilestonesTable {
  board_id: string;
  card_id: string;
  milestone_id: string;
  pole_id: string;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  done: number;
}

export interface BoardCardNeedsTable {
  board_id: string;
  card_id: string;
  need_id: string;
  pole_id: string;
}

export interface BoardCardLinksTable {
  board_id: string;
  card_id: string;
  pole_id: string;
  project_circle_id: string | null;
  project_document_id: string | null;
  created_by: string | null;
  created_at: number;
}

// The diagnostic (migrations/2026_11_22_1900_create_diagnostic_projection.ts).
export interface DiagnosticRowsTable {
  document_id: string;
  pole_id: string;
  registry: string;
  position: number;
  row_id: string | null;
  title: string;
  /** JSON of the row as read. */
  data: string;
  malformed: number;
  issues: string | null;
}

export interface DiagnosticSummariesTable {
  document_id: string;
  pole_id: string;
  /** JSON: Completeness (shared/diagnostic.ts). */
  completeness: string;
  /** JSON: { [table]: { rows, malformed } }. */
  counts: string;
  projected_at: number;
}

export interface DiagnosticThemeCirclesTable {
  circle_id: string;
  pole_id: string;
  document_id: string;
  theme_id: string;
  linked_by: string | null;
  linked_at: number;
}

// Decisions and colleges (migrations/2026_12_05_2330_create_decisions.ts).
export interface CollegesTable {
  id: string;
  pole_id: string;
  name: string;
  /** Percent of the votes. */
  weight: number;
  position: number;
}

export interface CollegeMembersTable {
  pole_id: string;
  user_id: string;
  college_id: string;
}

export interface DecisionsTable {
  id: string;
  pole_id: string;
  circle_id: string;
  author_id: string | null;
  title: string;
  text: string;
  method: DecisionMethod;
  quorum: number;
  threshold: number | null;
  anonymous: number;
  closes_at: number | null;
  state: DecisionState;
  outcome: DecisionOutcome | null;
  opened_at: number;
  closed_at: number | null;
  closed_by: string | null;
  /** JSON: Array<{ id, name, weight }> as they stood at opening; null unless `colleges`. */
  colleges: string | null;
  amendment_id: string | null;
}

export interface DecisionElectorateTable {
  decision_id: string;
  user_id: string;
  role: CircleRole;
  college_id: string | null;
}

export interface DecisionVotesTable {
  id: Generated<number>;
  decision_id: string;
  user_id: string;
  choice: VoteChoice;
  reason: string;
  /** 1 for the vote that counts, 0 for the ones it replaced. */
  latest: number;
  at: number;
}

// Self-assessment (migrations/2026_12_05_2345_create_maturity.ts).
export interface MaturityIndicatorsTable {
  id: string;
  pole_id: string;
  objective: ObjectiveKey;
  label: string;
  created_by: string | null;
  created_at: number;
}

export interface MaturityHiddenIndicatorsTable {
  pole_id: string;
  indicator_id: string;
}

export interface MaturityCampaignsTable {
  id: string;
  pole_id: string;
  title: string;
  opens_on: string;
  closes_on: string;
  audience: AudienceKind;
  audience_circle_id: string | null;
  /** JSON: Indicator[] (shared/maturity/referentiel.ts), frozen at opening. */
  indicators: string;
  sheet_document_id: string;
  created_by: string | null;
  created_at: number;
  closed_at: number | null;
  closed_by: string | null;
}

export interface MaturityRespondentsTable {
  campaign_id: string;
  user_id: string;
}

export interface MaturityAnswersTable {
  campaign_id: string;
  user_id: string;
  indicator_id: string;
  importance: number | null;
  standing: number | null;
  comment: Generated<string>;
  /** JSON: Evidence[] (shared/api/maturity.ts). */
  evidence: Generated<string>;
  updated_at: number;
}

export interface MaturityMarkerLevelsTable {
  campaign_id: string;
  marker: GodinMarker;
  level: Maturity;
  set_by: string | null;
  set_at: number;
}

export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  number: number;
  kind: VersionKind;
  name: string | null;
  /** The document's whole content, `Y.encodeStateAsUpdateV2`. */
  state: Uint8Array;
  state_vector: Uint8Array;
  /** SHA-256 of `state`, hex: tells an unchanged document apart. */
  hash: string;
  size: number;
  author_id: string | null;
  created_at: number;
  decision_id: string | null;
}

export interface AmendmentsTable {
  id: string;
  pole_id: string;
  charter_id: string;
  /** Its own document (kind `amendment`), a copy of the charter that shares its history. */
  document_id: string;
  title: string;
  rationale: string;
  author_id: string | null;
  state: AmendmentState;
  /** The version of the charter it was copied from. */
  base_version_id: string;
  decision_id: string | null;
  adopted_version_id: string | null;
  created_at: number;
}

/** One findable thing (server/search/): FTS5's `search_fts` indexes its heading and body. */
export interface SearchEntriesTable {
  rowid: Generated<number>;
  /** What the entry was built from (a document, a pôle's collective), with `key` unique in it. */
  source: string;
  key: string;
  pole_id: string;
  kind: string;
  entry_id: string;
  document_id: string | null;
  document_kind: DocumentKind | null;
  circle_id: string | null;
  /** Shown as the hit's title; `context` says where it lives, `anchor` where it opens. */
  label: string;
  context: string;
  anchor: string;
  heading: string;
  body: string;
  /** A hash of everything above: a refresh compares it, not the texts. */
  digest: string;
  updated_at: number;
}

// Meetings (migrations/2026_12_06_0110_create_meetings.ts).
export interface MeetingsTable {
  id: string;
  pole_id: string;
  circle_id: string;
  /** Its minutes, a document of kind `minutes`. */
  document_id: string;
  title: string;
  starts_at: number;
  ends_at: number;
  place: string;
  video_url: string;
  state: MeetingState;
  minutes_version_id: string | null;
  created_by: string | null;
  created_at: number;
  closed_at: number | null;
  /** The `.ics` SEQUENCE: raised when its date or place changes or it is cancelled. */
  sequence: Generated<number>;
  series_id: string | null;
}

export interface MeetingAgendaItemsTable {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  kind: AgendaItemKind;
  duration_minutes: number | null;
  presenter_id: string | null;
  decision_id: string | null;
  /** 0 once marked not covered: at closing it goes to its series' backlog. */
  covered: Generated<number>;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  user_id: string;
  status: AttendanceStatus;
  /** Who represents them, when `represented`. */
  proxy_id: string | null;
  answered_by: string | null;
  answered_at: number;
}

export interface MeetingTasksTable {
  id: string;
  pole_id: string;
  circle_id: string;
  meeting_id: string | null;
  title: string;
  assignee_id: string;
  /** YYYY-MM-DD. */
  due_on: string | null;
  done: number;
  created_by: string | null;
  created_at: number;
}

// Calendars and series (migrations/2026_12_06_1000_meeting_calendar.ts).
export interface MeetingSeriesTable {
  id: string;
  pole_id: string;
  circle_id: string;
  /** JSON of a `SeriesRule` (shared/meeting-series.ts). */
  rule: string;
  created_by: string | null;
  created_at: number;
}

export interface MeetingBacklogTable {
  id: string;
  series_id: string;
  title: string;
  kind: AgendaItemKind;
  duration_minutes: number | null;
  presenter_id: string | null;
  from_meeting_id: string | null;
  created_at: number;
}

export interface CalendarFeedsTable {
  pole_id: string;
  user_id: string;
  token_hash: string;
  created_at: number;
}

// Running a meeting (migrations/2026_12_06_1100_create_meeting_timers.ts).
export interface MeetingTimersTable {
  meeting_id: string;
  /** The agenda item under discussion. */
  item_id: string;
  /** Since when it runs; null while paused. */
  running_since: number | null;
  updated_by: string | null;
  updated_at: number;
}

export interface MeetingItemTimesTable {
  item_id: string;
  meeting_id: string;
  /** Time taken so far, banked at each pause or change of item. */
  elapsed_ms: number;
}

// Links of agenda items and tasks (migrations/2026_12_06_1101_create_meeting_links.ts).
export interface MeetingItemLinksTable {
  id: string;
  meeting_id: string;
  item_id: string;
  kind: ItemLinkKind;
  /** The document the target lives in: the diagnostic, a board, the amendment's own. */
  document_id: string;
  /** The need's row id, the card's id, the amendment's id. */
  target_id: string;
  created_by: string | null;
  created_at: number;
}

export interface TaskCardsTable {
  task_id: string;
  pole_id: string;
  board_id: string;
  card_id: string;
  created_by: string | null;
  created_at: number;
}

export interface CommentThreadsTable {
  id: string;
  pole_id: string;
  document_id: string;
  target_kind: ThreadTargetKind;
  /** The row's registry, for `row` threads. */
  target_table: DiagnosticTable | null;
  /** The row's or card's id; null for text threads. */
  target_id: string | null;
  quote: string;
  state: ThreadState;
  /** 1 while its anchor (text, row or card) is gone from the document. */
  detached: number;
  created_by: string | null;
  created_at: number;
  resolved_by: string | null;
  resolved_at: number | null;
}

export interface CommentsTable {
  id: string;
  thread_id: string;
  author_id: string | null;
  /** Plain text; emptied when the comment is deleted. */
  body: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  deleted_by: string | null;
}

export interface CommentReactionsTable {
  comment_id: string;
  user_id: string;
  emoji: ReactionEmoji;
  created_at: number;
}

export interface CommentMentionsTable {
  comment_id: string;
  user_id: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  poles: PolesTable;
  pole_members: PoleMembersTable;
  circles: CirclesTable;
  circle_members: CircleMembersTable;
  membership_events: MembershipEventsTable;
  invitations: InvitationsTable;
  documents: DocumentsTable;
  document_states: DocumentStatesTable;
  document_updates: DocumentUpdatesTable;
  audit_log: AuditLogTable;
  board_cards: BoardCardsTable;
  board_card_funding: BoardCardFundingTable;
  board_card_milestones: BoardCardMilestonesTable;
  board_card_links: BoardCardLinksTable;
  board_card_needs: BoardCardNeedsTable;
  pole_profiles: PoleProfilesTable;
  structures: StructuresTable;
  structure_requests: StructureRequestsTable;
  people: PeopleTable;
  circle_details: CircleDetailsTable;
  onboardings: OnboardingsTable;
  onboarding_steps: OnboardingStepsTable;
  circle_suggestions: CircleSuggestionsTable;
  diagnostic_rows: DiagnosticRowsTable;
  diagnostic_summaries: DiagnosticSummariesTable;
  diagnostic_theme_circles: DiagnosticThemeCirclesTable;
  colleges: CollegesTable;
  college_members: CollegeMembersTable;
  decisions: DecisionsTable;
  decision_electorate: DecisionElectorateTable;
  decision_votes: DecisionVotesTable;
  maturity_indicators: MaturityIndicatorsTable;
  maturity_hidden_indicators: MaturityHiddenIndicatorsTable;
  maturity_campaigns: MaturityCampaignsTable;
  maturity_respondents: MaturityRespondentsTable;
  maturity_answers: MaturityAnswersTable;
  maturity_marker_levels: MaturityMarkerLevelsTable;
  document_versions: DocumentVersionsTable;
  amendments: AmendmentsTable;
  search_entries: SearchEntriesTable;
  meetings: MeetingsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_tasks: MeetingTasksTable;
  meeting_series: MeetingSeriesTable;
  meeting_backlog: MeetingBacklogTable;
  calendar_feeds: CalendarFeedsTable;
  meeting_timers: MeetingTimersTable;
  meeting_item_times: MeetingItemTimesTable;
  meeting_item_links: MeetingItemLinksTable;
  task_cards: TaskCardsTable;
  comment_threads: CommentThreadsTable;
  comments: CommentsTable;
  comment_reactions: CommentReactionsTable;
  comment_mentions: CommentMentionsTable;
}

export type User = Selectable<UsersTable>;
export type Pole = Selectable<PolesTable>;
export type Circle = Selectable<CirclesTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type NewDocument = Insertable<DocumentsTable>;
export type DecisionRow = Selectable<DecisionsTable>;
export type VersionRow = Selectable<DocumentVersionsTable>;
export type AmendmentRow = Selectable<AmendmentsTable>;
export type MeetingRow = Selectable<MeetingsTable>;
export type AgendaItemRow = Selectable<MeetingAgendaItemsTable>;
export type TaskRow = Selectable<MeetingTasksTable>;
export type ThreadRow = Selectable<CommentThreadsTable>;
export type CommentRow = Selectable<CommentsTable>;
