/** The database as Kysely sees it; mirrors migrations/ (snake_case, times in epoch ms). */
import type { Generated, Insertable, Selectable } from "kysely";
import type { DocumentKind } from "../../shared/documents";
import type { CircleKind, CircleRole, PoleRole } from "../../shared/permissions";

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
}

export interface DocumentStatesTable {
  document_id: string;
  state: Uint8Array;
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

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
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
}

export type User = Selectable<UsersTable>;
export type Pole = Selectable<PolesTable>;
export type Circle = Selectable<CirclesTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type NewDocument = Insertable<DocumentsTable>;
