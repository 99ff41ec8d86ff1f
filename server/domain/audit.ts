import type { DB } from "../db/database";

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
