/**
 * The diagnostic's server-side use cases: its completeness from the read projection, and the
 * two-way link between a retained theme and the thematic group created for it.
 */
import type { ThemeCircleLink } from "../../shared/api/diagnostic";
import { type Completeness, completeness } from "../../shared/diagnostic/completeness";
import { readDiagnostic } from "../../shared/diagnostic/reading";
import type { DiagnosticTable } from "../../shared/diagnostic/vocabularies";
import { findRowMap } from "../../shared/diagnostic/writing";
import { canCreateCircle } from "../../shared/permissions";
import { serialize } from "../db/dialect";
import { createKyselyStore, loadDoc } from "../storage";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { openDocument } from "./documents";
import { DomainError, forbidden, notFound } from "./errors";
import { requireMember } from "./members";

export interface DiagnosticSummary {
  completeness: Completeness;
  counts: Partial<Record<DiagnosticTable, { rows: number; malformed: number }>>;
  /** When the projection was last refreshed (epoch ms); null when it never was. */
  projectedAt: number | null;
}

async function openDiagnostic(ctx: Ctx, userId: string, input: { documentId: string }) {
  const detail = await openDocument(ctx, userId, input);
  if (detail.kind !== "diagnostic") throw notFound("Diagnostic");
  return detail;
}

/** From the read projection; a diagnostic never stored since creation is read directly. */
export async function diagnosticSummary(
  ctx: Ctx,
  userId: string,
  { documentId }: { documentId: string },
): Promise<DiagnosticSummary> {
  const { db } = ctx;
  await openDiagnostic(ctx, userId, { documentId });
  const row = await db
    .selectFrom("diagnostic_summaries")
    .select(["completeness", "counts", "projected_at"])
    .where("document_id", "=", documentId)
    .executeTakeFirst();
  if (row) {
    return {
      completeness: JSON.parse(row.completeness),
      counts: JSON.parse(row.counts),
      projectedAt: row.projected_at,
    };
  }
  const doc = await loadDoc(createKyselyStore(db), documentId);
  try {
    return { completeness: completeness(readDiagnostic(doc)), counts: {}, projectedAt: null };
  } finally {
    doc.destroy();
  }
}

export async function listThemeCircles(
  { db }: Ctx,
  userId: string,
  { poleId }: { poleId: string },
): Promise<ThemeCircleLink[]> {
  await requireMember(db, { poleId, userId });
  const rows = await db
    .selectFrom("diagnostic_theme_circles as link")
    .innerJoin("circles", "circles.id", "link.circle_id")
    .select([
      "link.circle_id as circleId",
      "circles.name as circleName",
      "link.document_id as documentId",
      "link.theme_id as themeId",
    ])
    .where("link.pole_id", "=", poleId)
    .orderBy("link.linked_at")
    .execute();
  return rows;
}

/**
 * Records, on the circle's side, which theme of which diagnostic a thematic group stands
 * for (the theme's side, its `circleId`, is written in the Y.Doc by the client). One group
 * per theme and one theme per group: linking again to the same pair is harmless.
 */
export async function linkThemeCircle(
  ctx: Ctx,
  userId: string,
  { documentId, themeId, circleId }: { documentId: string; themeId: string; circleId: string },
): Promise<ThemeCircleLink> {
  const { db } = ctx;
  const detail = await openDiagnostic(ctx, userId, { documentId });
  const member = await requireMember(db, { poleId: detail.poleId, userId });
  if (!canCreateCircle(member)) {
    throw forbidden("Seuls les coordinateurs créent le groupe thématique d'une thématique.");
  }
  const circle = await db
    .selectFrom("circles")
    .select(["id", "kind", "name"])
    .where("id", "=", circleId)
    .where("pole_id", "=", detail.poleId)
    .executeTakeFirst();
  if (!circle) throw notFound("Cercle");
  if (circle.kind !== "thematic") {
    throw new DomainError("invalid_input", "Une thématique se relie à un groupe thématique.");
  }
  const doc = await loadDoc(createKyselyStore(db), documentId);
  const exists = findRowMap(doc, "themes", themeId) !== undefined;
  doc.destroy();
  if (!exists) throw notFound("Thématique");

  return db.transaction().execute(async (trx) => {
    // Two links made at once would each find the theme and the group free.
    await serialize(trx, `theme-links:${detail.poleId}`);
    const taken = await trx
      .selectFrom("diagnostic_theme_circles")
      .select(["circle_id", "theme_id", "document_id"])
      .where((eb) =>
        eb.or([
          eb("circle_id", "=", circleId),
          eb.and([eb("document_id", "=", documentId), eb("theme_id", "=", themeId)]),
        ]),
      )
      .execute();
    const same = taken.find(
      (row) =>
        row.circle_id === circleId && row.theme_id === themeId && row.document_id === documentId,
    );
    if (!same && taken.length > 0) {
      throw new DomainError(
        "conflict",
        "Cette thématique ou ce groupe thématique est déjà relié à un autre.",
      );
    }
    if (!same) {
      await trx
        .insertInto("diagnostic_theme_circles")
        .values({
          circle_id: circleId,
          pole_id: detail.poleId,
          document_id: documentId,
          theme_id: themeId,
          linked_by: userId,
          linked_at: Date.now(),
        })
        .execute();
      await audit(trx, {
        poleId: detail.poleId,
        actorId: userId,
        action: "diagnostic.theme_circle_linked",
        target: circleId,
        details: { documentId, themeId },
      });
    }
    return { circleId, circleName: circle.name, documentId, themeId };
  });
}
