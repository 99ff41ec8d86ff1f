import type { AuditEntry as AuditEntryView } from "../../shared/api/audit";
import { canReadAudit } from "../../shared/permissions";
import type { DB } from "../db/database";
import type { Ctx } from "./context";
import { forbidden } from "./errors";
import { requireMember } from "./members";

export interface AuditEntry {
  poleId: string;
  actorId: string | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

export async function audit(db: DB, entry: AuditEntry, now = Date.now()) {
  await db
    .insertInto("audit_log")
    .values({
      pole_id: entry.poleId,
      actor_id: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      details: JSON.stringify(entry.details ?? {}),
      at: now,
    })
    .execute();
}

export interface AuditFilters {
  actorId?: string;
  /** The first part of an action ("circle", "invitation", "profile"…). */
  kind?: string;
  /** YYYY-MM-DD, inclusive, in UTC. */
  from?: string;
  to?: string;
  /** Paging: entries older than this id. */
  before?: number;
}

const PAGE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Who did what, when, newest first, for coordinators. Targets are named when they are a
 * person, a circle, a structure or an invitation of the same pôle.
 */
export async function listAudit(
  { db }: Ctx,
  actorId: string,
  { poleId, filters }: { poleId: string; filters: AuditFilters },
): Promise<{ entries: AuditEntryView[]; next: number | null }> {
  const member = await requireMember(db, { poleId, userId: actorId });
  if (!canReadAudit(member)) throw forbidden("Seuls les coordinateurs lisent le journal.");
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users as actor", "actor.id", "audit_log.actor_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.actor_id",
      "actor.name as actorName",
      "audit_log.action",
      "audit_log.target",
      "audit_log.details",
    ])
    .where("audit_log.pole_id", "=", poleId);
  if (filters.actorId) query = query.where("audit_log.actor_id", "=", filters.actorId);
  if (filters.kind) query = query.where("audit_log.action", "like", `${filters.kind}.%`);
  if (filters.from) query = query.where("audit_log.at", ">=", Date.parse(filters.from));
  if (filters.to) query = query.where("audit_log.at", "<", Date.parse(filters.to) + DAY_MS);
  if (filters.before) query = query.where("audit_log.id", "<", filters.before);
  const rows = await query
    .orderBy("audit_log.id", "desc")
    .limit(PAGE + 1)
    .execute();
  const page = rows.slice(0, PAGE);
  const targets = [...new Set(page.map((row) => row.target).filter((t) => t !== null))];
  const names = new Map<string, string>();
  if (targets.length > 0) {
    const [people, circles, structures, invitations, decisions, amendments, meetings, documents] =
      await Promise.all([
        // Every target of this pôle's entries was one of its people when the entry was
        // written: someone removed since keeps their name in the log.
        db.selectFrom("users").select(["id", "name"]).where("id", "in", targets).execute(),
        db
          .selectFrom("circles")
          .select(["id", "name"])
          .where("pole_id", "=", poleId)
          .where("id", "in", targets)
          .execute(),
        db
          .selectFrom("structures")
          .select(["id", "name"])
          .where("pole_id", "=", poleId)
          .where("id", "in", targets)
          .execute(),
        db
          .selectFrom("invitations")
          .select(["id", "email as name"])
          .where("pole_id", "=", poleId)
          .where("id", "in", targets)
          .execute(),
        db
          .selectFrom("decisions")
          .select(["id", "title as name"])
          .where("pole_id", "=", poleId)
          .where("id", "in", targets)
          .execute(),
        db
          .selectFrom("amendments")
          .select(["id", "title as name"])
          .where("pole_id", "=", poleId)
          .where("id", "in", targets)
          .execute(),
        db
          .selectFrom("meetings")
          .select(["id", "title as name"])
          .where("pole_id", "=", poleId)
          .where("id", "in", targets)
          .execute(),
        db
          .selectFrom("documents")
          .select(["id", "title as name"])
          .where("pole_id", "=", poleId)
          .where("id", "in", targets)
          .execute(),
      ]);
    for (const row of [
      ...people,
      ...circles,
      ...structures,
      ...invitations,
      ...decisions,
      ...amendments,
      ...meetings,
      ...documents,
    ]) {
      if (row.name) names.set(row.id, row.name);
    }
  }
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      actor: row.actor_id ? { id: row.actor_id, name: row.actorName ?? "—" } : null,
      action: row.action,
      target: row.target,
      targetName: row.target ? (names.get(row.target) ?? null) : null,
      details: JSON.parse(row.details),
    })),
    next: rows.length > PAGE ? (page[page.length - 1]?.id ?? null) : null,
  };
}
