/**
 * Meetings in calendars and series: moving and cancelling a meeting (invitations
 * re-sent), its `.ics`, its series and follow-up, the pôle's calendar and each person's
 * feed, the feed itself (no session: its secret address is the key).
 */
import { Hono } from "hono";
import {
  type CalendarFeedView,
  CoverageBody,
  type IssuedFeed,
  type MeetingFollowUp,
  NextMeetingBody,
  RescheduleBody,
  SeriesBody,
  type UpcomingMeeting,
} from "../../shared/api/meeting-calendar";
import type { PlannedMeeting } from "../../shared/api/meetings";
import type { DomainContext } from "../domain/context";
import { notFound } from "../domain/errors";
import {
  feedCalendar,
  feedStatus,
  issueFeed,
  meetingIcs,
  revokeFeed,
  upcomingMeetings,
} from "../domain/meeting-calendar";
import {
  cancelAndTell,
  type OnMailError,
  planNextAndInvite,
  rescheduleAndTell,
} from "../domain/meeting-mailing";
import { meetingFollowUp, setItemCovered, setSeriesRule } from "../domain/meeting-series";
import type { AppEnv } from "./context";
import { requireKnownHost, requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

const calendarType = "text/calendar; charset=utf-8";

export function meetingCalendarRoutes(ctx: DomainContext, onMailError: OnMailError) {
  return new Hono<AppEnv>()
    .patch("/meetings/:meetingId/schedule", requireUser, jsonBody(RescheduleBody), async (c) => {
      const { meetingId } = c.req.param();
      await rescheduleAndTell(
        ctx,
        signedIn(c).id,
        { meetingId, ...c.req.valid("json") },
        onMailError,
      );
      return c.body(null, 204);
    })
    .post("/meetings/:meetingId/cancel", requireUser, async (c) => {
      await cancelAndTell(ctx, signedIn(c).id, c.req.param(), onMailError);
      return c.body(null, 204);
    })
    .get("/meetings/:meetingId/ics", requireUser, async (c) => {
      const { meeting, ics } = await meetingIcs(ctx, signedIn(c).id, c.req.param());
      c.header("content-type", calendarType);
      c.header("content-disposition", `attachment; filename="reunion-${meeting.id}.ics"`);
      return c.body(ics);
    })
    .get("/meetings/:meetingId/follow-up", requireUser, async (c) => {
      const followUp = await meetingFollowUp(ctx, signedIn(c).id, c.req.param());
      return c.json(followUp satisfies MeetingFollowUp);
    })
    .put("/meetings/:meetingId/series", requireUser, jsonBody(SeriesBody), async (c) => {
      const { meetingId } = c.req.param();
      await setSeriesRule(ctx, signedIn(c).id, { meetingId, ...c.req.valid("json") });
      return c.body(null, 204);
    })
    .post("/meetings/:meetingId/next", requireUser, jsonBody(NextMeetingBody), async (c) => {
      const { meetingId } = c.req.param();
      const planned = await planNextAndInvite(
        ctx,
        signedIn(c).id,
        { meetingId, ...c.req.valid("json") },
        onMailError,
      );
      return c.json(planned satisfies PlannedMeeting, 201);
    })
    .put(
      "/meetings/:meetingId/agenda/:itemId/covered",
      requireUser,
      jsonBody(CoverageBody),
      async (c) => {
        await setItemCovered(ctx, signedIn(c).id, { ...c.req.param(), ...c.req.valid("json") });
        return c.body(null, 204);
      },
    )
    .get("/poles/:poleId/calendar", requireUser, async (c) => {
      const meetings = await upcomingMeetings(ctx, signedIn(c).id, c.req.param());
      return c.json(meetings satisfies UpcomingMeeting[]);
    })
    .get("/poles/:poleId/calendar/feed", requireUser, async (c) => {
      const feed = await feedStatus(ctx, signedIn(c).id, c.req.param());
      return c.json(feed satisfies CalendarFeedView);
    })
    .post("/poles/:poleId/calendar/feed", requireUser, async (c) => {
      const issued = await issueFeed(ctx, signedIn(c).id, c.req.param());
      return c.json(issued satisfies IssuedFeed, 201);
    })
    .delete("/poles/:poleId/calendar/feed", requireUser, async (c) => {
      await revokeFeed(ctx, signedIn(c).id, c.req.param());
      return c.body(null, 204);
    });
}

/** GET /calendar/:token.ics — what calendar applications subscribe to. */
export function calendarFeedRoutes(ctx: DomainContext, publicUrl: string) {
  return new Hono<AppEnv>().use(requireKnownHost(publicUrl)).get("/:file", async (c) => {
    const token = /^([a-z0-9]{16,64})\.ics$/.exec(c.req.param("file"))?.[1];
    if (!token) throw notFound("Agenda");
    const ics = await feedCalendar(ctx, { token });
    c.header("content-type", calendarType);
    c.header("cache-control", "no-store");
    return c.body(ics);
  });
}
