/** Meetings, their agenda, attendance and tasks (CONTRACT.md "Meetings"). */
import { Hono } from "hono";
import type { DecisionView } from "../../shared/api/decisions";
import {
  AgendaItemBody,
  AgendaItemPatch,
  AgendaOrderBody,
  AttendanceBody,
  ItemDecisionBody,
  type MeetingSummary,
  type MeetingView,
  PlanMeetingBody,
  type PlannedMeeting,
  TaskBody,
  TaskPatch,
  type TaskView,
} from "../../shared/api/meetings";
import {
  addAgendaItem,
  openItemDecision,
  removeAgendaItem,
  reorderAgenda,
  updateAgendaItem,
} from "../domain/meeting-agenda";
import { answerAttendance } from "../domain/meeting-attendance";
import { exportMeeting } from "../domain/meeting-export";
import {
  closeAndFollowUp,
  type MailingContext,
  type OnMailError,
  planAndInvite,
} from "../domain/meeting-mailing";
import { getMeeting, listCircleMeetings, meetingOfDocument } from "../domain/meetings";
import { circleTasks, createTask, myTasks, setTaskDone } from "../domain/tasks";
import type { AppEnv } from "./context";
import { sendExport } from "./exports";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

export function meetingRoutes(ctx: MailingContext, onMailError: OnMailError) {
  return new Hono<AppEnv>()
    .post("/poles/:poleId/meetings", requireUser, jsonBody(PlanMeetingBody), async (c) => {
      const poleId = c.req.param("poleId");
      const planned = await planAndInvite(
        ctx,
        signedIn(c).id,
        { poleId, ...c.req.valid("json") },
        onMailError,
      );
      return c.json(planned satisfies PlannedMeeting, 201);
    })
    .get("/circles/:circleId/meetings", requireUser, async (c) => {
      const list = await listCircleMeetings(ctx, signedIn(c).id, c.req.param());
      return c.json(list satisfies MeetingSummary[]);
    })
    .get("/meetings/:meetingId", requireUser, async (c) => {
      const meeting = await getMeeting(ctx, signedIn(c).id, c.req.param());
      return c.json(meeting satisfies MeetingView);
    })
    .get("/documents/:documentId/meeting", requireUser, async (c) => {
      const meeting = await meetingOfDocument(ctx, signedIn(c).id, c.req.param());
      return c.json(meeting satisfies MeetingView);
    })
    .get("/meetings/:meetingId/export/:format", requireUser, async (c) => {
      const { format } = c.req.param();
      const file = await exportMeeting(ctx, signedIn(c).id, c.req.param());
      return sendExport(c, file, format === "html" ? "inline" : "attachment");
    })
    .post("/meetings/:meetingId/close", requireUser, async (c) => {
      const meeting = await closeAndFollowUp(ctx, signedIn(c).id, c.req.param(), onMailError);
      return c.json(meeting satisfies MeetingView);
    })
    .post("/meetings/:meetingId/agenda", requireUser, jsonBody(AgendaItemBody), async (c) => {
      const { meetingId } = c.req.param();
      const added = await addAgendaItem(ctx, signedIn(c).id, {
        meetingId,
        ...c.req.valid("json"),
      });
      return c.json(added, 201);
    })
    .put("/meetings/:meetingId/agenda", requireUser, jsonBody(AgendaOrderBody), async (c) => {
      const { meetingId } = c.req.param();
      await reorderAgenda(ctx, signedIn(c).id, { meetingId, ...c.req.valid("json") });
      return c.body(null, 204);
    })
    .patch(
      "/meetings/:meetingId/agenda/:itemId",
      requireUser,
      jsonBody(AgendaItemPatch),
      async (c) => {
        await updateAgendaItem(ctx, signedIn(c).id, { ...c.req.param(), ...c.req.valid("json") });
        return c.body(null, 204);
      },
    )
    .delete("/meetings/:meetingId/agenda/:itemId", requireUser, async (c) => {
      await removeAgendaItem(ctx, signedIn(c).id, c.req.param());
      return c.body(null, 204);
    })
    .post(
      "/meetings/:meetingId/agenda/:itemId/decision",
      requireUser,
      jsonBody(ItemDecisionBody),
      async (c) => {
        const decision = await openItemDecision(ctx, signedIn(c).id, {
          ...c.req.param(),
          ...c.req.valid("json"),
        });
        return c.json(decision satisfies DecisionView, 201);
      },
    )
    .put("/meetings/:meetingId/attendance", requireUser, jsonBody(AttendanceBody), async (c) => {
      const { meetingId } = c.req.param();
      await answerAttendance(ctx, signedIn(c).id, { meetingId, ...c.req.valid("json") });
      return c.body(null, 204);
    })
    .post("/meetings/:meetingId/tasks", requireUser, jsonBody(TaskBody), async (c) => {
      const { meetingId } = c.req.param();
      const task = await createTask(ctx, signedIn(c).id, { meetingId, ...c.req.valid("json") });
      return c.json(task satisfies TaskView, 201);
    })
    .patch("/tasks/:taskId", requireUser, jsonBody(TaskPatch), async (c) => {
      const { taskId } = c.req.param();
      const task = await setTaskDone(ctx, signedIn(c).id, { taskId, ...c.req.valid("json") });
      return c.json(task satisfies TaskView);
    })
    .get("/poles/:poleId/tasks/mine", requireUser, async (c) => {
      const tasks = await myTasks(ctx, signedIn(c).id, c.req.param());
      return c.json(tasks satisfies TaskView[]);
    })
    .get("/circles/:circleId/tasks", requireUser, async (c) => {
      const tasks = await circleTasks(ctx, signedIn(c).id, c.req.param());
      return c.json(tasks satisfies TaskView[]);
    });
}
