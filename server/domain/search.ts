/** Search across a pôle: what the caller may read, ranked, filtered in SQL by their rights. */
import type { SearchFilters, SearchResults } from "../../shared/api/search";
import { searchIndex } from "../search/index";
import { readableBy } from "../search/rights";
import type { Ctx } from "./context";
import { governingCircles, requireMember } from "./members";

/** A page of hits: enough to choose from, and a bounded cost for a common word. */
const HITS = 50;

export async function searchPole(
  { db }: Ctx,
  actorId: string,
  { poleId, filters }: { poleId: string; filters: SearchFilters },
): Promise<SearchResults> {
  const member = await requireMember(db, { poleId, userId: actorId });
  const text = filters.q?.trim() ?? "";
  if (!text) return [];
  const circles = await db
    .selectFrom("circles")
    .select("id")
    .where("pole_id", "=", poleId)
    .execute();
  return searchIndex.query(db, {
    poleId,
    text,
    readable: readableBy(
      member,
      await governingCircles(db, poleId),
      circles.map((circle) => circle.id),
    ),
    kind: filters.kind,
    circleId: filters.circleId,
    documentId: filters.documentId,
    limit: HITS,
  });
}
