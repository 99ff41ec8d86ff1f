/** Running a meeting: its timer, the links of its agenda items, a task turned into a card. */
import { Hono } from "hono";
import {
  ItemLinkBody,
  type ItemLinkView,
  TimerBody,
  type TimerView,
} from "../../shared/api/meeting-run";
import type { TaskView } from "../../shared/api/meetings";
import type { MeetingContext } from "../domain/meeting-access";
import { addItemLink, listItemLinks, removeItemLink } from "../domain/meeting-links";
import { getTimer, keepTime } from "../domain/meeting-timer";
import { turnTaskIntoCard } from "../domain/task-cards";
import type { AppEnv } from "./context";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function meetingRunRoutes(ctx: MeetingContext) {
  return new Hono<AppEnv>()
    .get("/meetings/:meetingId/timer", requireUser, async (c) => {
      const timer = await getTimer(ctx, signedIn(c).id, c.req.param());
      return c.json(timer satisfies TimerView);
    })
    .post("/meetings/:meetingId/timer", requireUser, jsonBody(TimerBody), async (c) => {
      const { meetingId } = c.req.param();
      const timer = await keepTime(ctx, signedIn(c).id, { meetingId, ...c.req.valid("json") });
      return c.json(timer satisfies TimerView);
    })
    .get("/meetings/:meetingId/links", requireUser, async (c) => {
      const links = await listItemLinks(ctx, signedIn(c).id, c.req.param());
      return c.json(links satisfies ItemLinkView[]);
    })
    .post(
      "/meetings/:meetingId/agenda/:itemId/links",
      requireUser,
      jsonBody(ItemLinkBody),
      async (c) => {
        const link = await addItemLink(ctx, signedIn(c).id, {
          ...c.req.param(),
          link: c.req.valid("json"),
        });
        return c.json(link satisfies ItemLinkView, 201);
      },
    )
    .delete("/meetings/:meetingId/links/:linkId", requireUser, async (c) => {
      await removeItemLink(ctx, signedIn(c).id, c.req.param());
      return c.body(null, 204);
    })
    .post("/tasks/:taskId/card", requireUser, async (c) => {
      const task = await turnTaskIntoCard(ctx, signedIn(c).id, c.req.param());
      return c.json(task satisfies TaskView, 201);
    });
}
