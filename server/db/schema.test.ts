/**
 * Ties the hand-written `Database` type to the migrations. The expected columns below must
 * match the type exactly (checked by the compiler: a column on one side only, or a
 * different nullability, does not type-check) and a database built by the migrations
 * (checked at run time).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Selectable } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenedDatabase, openDatabase } from "./database";
import { migrateToLatest } from "./migrate";
import type { Database } from "./schema";

type Nullability<Table> = {
  [Column in keyof Selectable<Table>]-?: null extends Selectable<Table>[Column]
    ? "null"
    : "not null";
};

/** Every table and column of `Database`, each with whether it may hold NULL. */
const expected = {
  users: {
    id: "not null",
    name: "not null",
    email: "not null",
    password_hash: "not null",
    locale: "not null",
    created_at: "not null",
  },
  sessions: {
    id: "not null",
    user_id: "not null",
    expires_at: "not null",
  },
  poles: {
    id: "not null",
    slug: "not null",
    name: "not null",
    created_at: "not null",
  },
  pole_members: {
    pole_id: "not null",
    user_id: "not null",
    role: "not null",
    joined_at: "not null",
  },
  circles: {
    id: "not null",
    pole_id: "not null",
    kind: "not null",
    name: "not null",
    parent_id: "null",
    created_at: "not null",
    archived_at: "null",
    deleted_at: "null",
  },
  circle_members: {
    circle_id: "not null",
    user_id: "not null",
    pole_id: "not null",
    role: "not null",
    since: "not null",
  },
  membership_events: {
    id: "not null",
    pole_id: "not null",
    circle_id: "not null",
    user_id: "not null",
    role: "null",
    actor_id: "null",
    at: "not null",
  },
  invitations: {
    id: "not null",
    pole_id: "not null",
    token_hash: "not null",
    email: "null",
    pole_role: "not null",
    circles: "not null",
    created_by: "not null",
    created_at: "not null",
    expires_at: "not null",
    accepted_at: "null",
    accepted_by: "null",
    revoked_at: "null",
  },
  documents: {
    id: "not null",
    pole_id: "not null",
    kind: "not null",
    title: "not null",
    circle_id: "null",
    created_by: "null",
    created_at: "not null",
    updated_at: "not null",
    archived_at: "null",
  },
  document_states: {
    document_id: "not null",
    state: "not null",
    updated_at: "not null",
    state_vector: "null",
  },
  document_updates: {
    id: "not null",
    document_id: "not null",
    data: "not null",
  },
  audit_log: {
    id: "not null",
    pole_id: "not null",
    actor_id: "null",
    action: "not null",
    target: "null",
    details: "not null",
    at: "not null",
  },
  diagnostic_rows: {
    document_id: "not null",
    pole_id: "not null",
    registry: "not null",
    position: "not null",
    row_id: "null",
    title: "not null",
    data: "not null",
    malformed: "not null",
    issues: "null",
  },
  diagnostic_summaries: {
    document_id: "not null",
    pole_id: "not null",
    completeness: "not null",
    counts: "not null",
    projected_at: "not null",
  },
  diagnostic_theme_circles: {
    circle_id: "not null",
    pole_id: "not null",
    document_id: "not null",
    theme_id: "not null",
    linked_by: "null",
    linked_at: "not null",
  },
  board_cards: {
    board_id: "not null",
    card_id: "not null",
    pole_id: "not null",
    title: "not null",
    column_id: "not null",
    column_title: "not null",
    column_position: "not null",
    position: "not null",
    carrier_mode: "not null",
    jobs_created: "not null",
    jobs_kept: "not null",
  },
  board_card_funding: {
    board_id: "not null",
    card_id: "not null",
    line_id: "not null",
    pole_id: "not null",
    position: "not null",
    funder: "not null",
    scheme: "not null",
    amount_cents: "not null",
    state: "not null",
    year: "not null",
  },
  board_card_milestones: {
    board_id: "not null",
    card_id: "not null",
    milestone_id: "not null",
    pole_id: "not null",
    title: "not null",
    date: "not null",
    done: "not null",
  },
  board_card_needs: {
    board_id: "not null",
    card_id: "not null",
    need_id: "not null",
    pole_id: "not null",
  },
  board_card_links: {
    board_id: "not null",
    card_id: "not null",
    pole_id: "not null",
    project_circle_id: "null",
    project_document_id: "null",
    created_by: "null",
    created_at: "not null",
  },
  pole_profiles: {
    pole_id: "not null",
    territory: "not null",
    communes: "not null",
    kind: "null",
    action_logics: "not null",
    maturity: "null",
    formalisation: "null",
    carrying_structure: "not null",
    has_place: "not null",
    place: "not null",
    updated_at: "not null",
    updated_by: "null",
  },
  structures: {
    id: "not null",
    pole_id: "not null",
    name: "not null",
    folded_name: "not null",
    legal_form: "not null",
    size_band: "null",
    sectors: "not null",
    ess: "not null",
    created_by: "null",
    created_at: "not null",
  },
  structure_requests: {
    pole_id: "not null",
    user_id: "not null",
    structure_id: "not null",
    requested_at: "not null",
  },
  people: {
    pole_id: "not null",
    user_id: "not null",
    structure_id: "null",
    role_in_structure: "not null",
    competencies: "not null",
    brings: "not null",
    seeks: "not null",
    interest: "null",
    updated_at: "not null",
  },
  circle_details: {
    circle_id: "not null",
    pole_id: "not null",
    theme: "not null",
    description: "not null",
  },
  onboardings: {
    pole_id: "not null",
    user_id: "not null",
    started_at: "not null",
  },
  onboarding_steps: {
    pole_id: "not null",
    user_id: "not null",
    step: "not null",
    done_at: "not null",
  },
  circle_suggestions: {
    id: "not null",
    pole_id: "not null",
    user_id: "not null",
    circle_id: "not null",
    role: "not null",
    interest: "not null",
    state: "not null",
    created_at: "not null",
    decided_at: "null",
    decided_by: "null",
  },
  colleges: {
    id: "not null",
    pole_id: "not null",
    name: "not null",
    weight: "not null",
    position: "not null",
  },
  college_members: {
    pole_id: "not null",
    user_id: "not null",
    college_id: "not null",
  },
  decisions: {
    id: "not null",
    pole_id: "not null",
    circle_id: "not null",
    author_id: "null",
    title: "not null",
    text: "not null",
    method: "not null",
    quorum: "not null",
    threshold: "null",
    anonymous: "not null",
    closes_at: "null",
    state: "not null",
    outcome: "null",
    opened_at: "not null",
    closed_at: "null",
    closed_by: "null",
    colleges: "null",
    amendment_id: "null",
  },
  decision_electorate: {
    decision_id: "not null",
    user_id: "not null",
    role: "not null",
    college_id: "null",
  },
  decision_votes: {
    id: "not null",
    decision_id: "not null",
    user_id: "not null",
    choice: "not null",
    reason: "not null",
    latest: "not null",
    at: "not null",
  },
  maturity_indicators: {
    id: "not null",
    pole_id: "not null",
    objective: "not null",
    label: "not null",
    created_by: "null",
    created_at: "not null",
  },
  maturity_hidden_indicators: {
    pole_id: "not null",
    indicator_id: "not null",
  },
  maturity_campaigns: {
    id: "not null",
    pole_id: "not null",
    title: "not null",
    opens_on: "not null",
    closes_on: "not null",
    audience: "not null",
    audience_circle_id: "null",
    indicators: "not null",
    sheet_document_id: "not null",
    created_by: "null",
    created_at: "not null",
    closed_at: "null",
    closed_by: "null",
  },
  maturity_respondents: {
    campaign_id: "not null",
    user_id: "not null",
  },
  maturity_answers: {
    campaign_id: "not null",
    user_id: "not null",
    indicator_id: "not null",
    importance: "null",
    standing: "null",
    comment: "not null",
    evidence: "not null",
    updated_at: "not null",
  },
  maturity_marker_levels: {
    campaign_id: "not null",
    marker: "not null",
    level: "not null",
    set_by: "null",
    set_at: "not null",
  },
  document_versions: {
    id: "not null",
    document_id: "not null",
    number: "not null",
    kind: "not null",
    name: "null",
    state: "not null",
    state_vector: "not null",
    hash: "not null",
    size: "not null",
    author_id: "null",
    created_at: "not null",
    decision_id: "null",
  },
  amendments: {
    id: "not null",
    pole_id: "not null",
    charter_id: "not null",
    document_id: "not null",
    title: "not null",
    rationale: "not null",
    author_id: "null",
    state: "not null",
    base_version_id: "not null",
    decision_id: "null",
    adopted_version_id: "null",
    created_at: "not null",
  },
  meetings: {
    id: "not null",
    pole_id: "not null",
    circle_id: "not null",
    document_id: "not null",
    title: "not null",
    starts_at: "not null",
    ends_at: "not null",
    place: "not null",
    video_url: "not null",
    state: "not null",
    minutes_version_id: "null",
    created_by: "null",
    created_at: "not null",
    closed_at: "null",
  },
  meeting_agenda_items: {
    id: "not null",
    meeting_id: "not null",
    position: "not null",
    title: "not null",
    kind: "not null",
    duration_minutes: "null",
    presenter_id: "null",
    decision_id: "null",
  },
  meeting_attendance: {
    meeting_id: "not null",
    user_id: "not null",
    status: "not null",
    proxy_id: "null",
    answered_by: "null",
    answered_at: "not null",
  },
  meeting_tasks: {
    id: "not null",
    pole_id: "not null",
    circle_id: "not null",
    meeting_id: "null",
    title: "not null",
    assignee_id: "not null",
    due_on: "null",
    done: "not null",
    created_by: "null",
    created_at: "not null",
  },
} as const satisfies { [Table in keyof Database]: Nullability<Database[Table]> };

/** The tables and columns of a freshly migrated database, in the same shape. */
function migratedSchema(sqlite: OpenedDatabase["sqlite"]): Record<string, Record<string, string>> {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'",
    )
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => {
      const columns = sqlite
        .prepare('SELECT name, "notnull", pk FROM pragma_table_info(?)')
        .all(name) as Array<{ name: string; notnull: number; pk: number }>;
      // SQLite lets a non-integer primary key hold NULL unless told otherwise; nothing
      // inserts one, and the type rightly says it is never null.
      return [
        name,
        Object.fromEntries(columns.map((c) => [c.name, c.notnull || c.pk ? "not null" : "null"])),
      ];
    }),
  );
}

describe("the Database type", () => {
  let dataDir: string;
  let opened: OpenedDatabase;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "maillage-schema-"));
    opened = openDatabase(dataDir);
    await migrateToLatest(opened.db);
  });
  afterAll(async () => {
    await opened.db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("has exactly the tables and columns the migrations create, with their nullability", () => {
    expect(migratedSchema(opened.sqlite)).toEqual(expected);
  });
});
