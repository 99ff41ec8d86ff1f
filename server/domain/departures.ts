/**
 * A person leaves the pôle (coordinators decide): out of every circle, with the dated
 * departures in the history, their pôle membership and what hung on it removed, and their
 * open connections to its documents re-checked at once (they no longer have any right).
 */
import { canRemovePeople } from "../../shared/permissions";
import { audit } from "./audit";
import { unseat } from "./circles";
import type { Ctx } from "./context";
import { forbidden, notFound } from "./errors";
import { lockMembership, requireAnotherCoordinator, requireMember } from "./members";

export async function removeFromPole(
  { db, events }: Ctx<"events">,
  actorId: string,
  { poleId, userId }: { poleId: string; userId: string },
) {
  const actor = await requireMember(db, { poleId, userId: actorId });
  if (!canRemovePeople(actor)) {
    throw forbidden("Seuls les coordinateurs retirent une personne du pôle.");
  }
  await db.transaction().execute(async (trx) => {
    await lockMembership(trx, poleId);
    const leaving = await trx
      .selectFrom("pole_members")
      .select("role")
      .where("pole_id", "=", poleId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!leaving) throw notFound("Personne");
    if (leaving.role === "coordinator") await requireAnotherCoordinator(trx, { poleId });
    const now = Date.now();
    const seats = await trx
      .selectFrom("circle_members")
      .select(["circle_id", "role"])
      .where("pole_id", "=", poleId)
      .where("user_id", "=", userId)
      .execute();
    for (const { circle_id: circleId } of seats) {
      await unseat(trx, { poleId, circleId, userId, actorId }, now);
    }
    for (const table of ["circle_suggestions", "onboarding_steps", "onboardings"] as const) {
      await trx
        .deleteFrom(table)
        .where("pole_id", "=", poleId)
        .where("user_id", "=", userId)
        .execute();
    }
    await trx
      .deleteFrom("pole_members")
      .where("pole_id", "=", poleId)
      .where("user_id", "=", userId)
      .execute();
    await audit(
      trx,
      {
        poleId,
        actorId,
        action: "member.removed",
        target: userId,
        details: { role: leaving.role, circles: seats.map((seat) => seat.circle_id) },
      },
      now,
    );
  });
  events.publish({ poleId, userId });
}
