/**
 * A meeting's minutes as a file (ODT, DOCX, printable HTML, Markdown): the text as it was
 * frozen when the meeting closed (as it stands while it is open), then who came, the
 * decisions taken from its agenda and the tasks written during it.
 */
import * as Y from "yjs";
import type { MeetingView } from "../../shared/api/meetings";
import type { DecisionOutcome } from "../../shared/decisions";
import type { AttendanceStatus } from "../../shared/meetings";
import { createKyselyStore, loadDoc } from "../storage";
import type { Ctx } from "./context";
import type { ExportedFile } from "./exports";
import { renderExport } from "./exports";
import { type Block, plain } from "./exports/blocks";
import { getMeeting } from "./meetings";

const attendanceLabels: Record<AttendanceStatus, string> = {
  present: "présent·e",
  excused: "excusé·e",
  represented: "représenté·e",
};
const outcomeLabels: Record<DecisionOutcome, string> = {
  adopted: "adoptée",
  rejected: "rejetée",
  no_quorum: "sans quorum",
};

const list = (lines: readonly string[]): Block =>
  lines.length === 0
    ? { type: "paragraph", muted: true, runs: plain("Aucun.") }
    : {
        type: "list",
        ordered: false,
        items: lines.map((line) => [{ type: "paragraph", runs: plain(line) }]),
      };

/** The sections after the minutes' text. */
export function meetingAppendix(meeting: MeetingView): Block[] {
  const names = new Map(meeting.attendance.map((person) => [person.userId, person.name]));
  const attendance = meeting.attendance.map((person) => {
    if (!person.status) return `${person.name} : sans réponse`;
    const proxy = person.proxyId ? ` par ${names.get(person.proxyId) ?? "?"}` : "";
    return `${person.name} : ${attendanceLabels[person.status]}${proxy}`;
  });
  const decisions = meeting.agenda.flatMap((item) =>
    item.decision
      ? [
          `${item.title} : ${item.decision.outcome ? outcomeLabels[item.decision.outcome] : "en cours"}`,
        ]
      : [],
  );
  const tasks = meeting.tasks.map(
    (task) =>
      `${task.done ? "✓" : "☐"} ${task.title} — ${task.assigneeName}${
        task.dueOn ? `, pour le ${task.dueOn}` : ""
      }`,
  );
  return [
    { type: "heading", level: 2, runs: plain("Présences") },
    list(attendance),
    { type: "heading", level: 2, runs: plain("Décisions") },
    list(decisions),
    { type: "heading", level: 2, runs: plain("Tâches") },
    list(tasks),
  ];
}

export async function exportMeeting(
  ctx: Ctx,
  actorId: string,
  { meetingId, format }: { meetingId: string; format: string },
): Promise<ExportedFile> {
  const [file] = await exportMeetingAs(ctx, actorId, { meetingId, formats: [format] });
  return file;
}

/** The minutes in several formats, the meeting and its document read once for all. */
export async function exportMeetingAs(
  { db }: Ctx,
  actorId: string,
  { meetingId, formats }: { meetingId: string; formats: readonly string[] },
): Promise<ExportedFile[]> {
  const meeting = await getMeeting({ db }, actorId, { meetingId });
  const store = createKyselyStore(db);
  const version = meeting.minutesVersionId
    ? await store.loadVersion(meeting.documentId, meeting.minutesVersionId)
    : null;
  const doc = version ? new Y.Doc() : await loadDoc(store, meeting.documentId);
  if (version) Y.applyUpdateV2(doc, version.state);
  const appendix = meetingAppendix(meeting);
  try {
    const files: ExportedFile[] = [];
    for (const format of formats) {
      files.push(
        await renderExport(
          { db },
          {
            documentId: meeting.documentId,
            kind: "minutes",
            doc,
            format,
            registry: undefined,
            appendix,
          },
        ),
      );
    }
    return files;
  } finally {
    doc.destroy();
  }
}
