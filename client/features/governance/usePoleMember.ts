/** The signed-in person as the permission rules see them in one pôle, with its circles. */
import { memberOf, useCircles } from "../../app/poleQueries";
import { useMe } from "../../app/session";

export function usePoleMember(poleId: string) {
  const me = useMe();
  const circles = useCircles(poleId);
  const member = me.data && circles.data ? memberOf(me.data, poleId, circles.data) : null;
  return {
    member,
    userId: me.data?.user.id ?? null,
    coreId: circles.data?.find((circle) => circle.kind === "core")?.id ?? null,
  };
}
