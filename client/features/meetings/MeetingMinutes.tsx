/**
 * The meeting's minutes, co-written in the meeting's page itself with the documents' own
 * workspace (sync session, editor, presence); read-only once the meeting is closed.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MeetingView } from "../../../shared/api/meetings";
import { useMe } from "../../app/session";
import { useProblem } from "../../lib/errors";
import { QueryStatus } from "../../ui/kit";
import { DocumentWorkspace, documentKey, useDocumentMeta } from "../document/DocumentWorkspace";
import "./run-strings";

export function MeetingMinutes({ meeting, poleId }: { meeting: MeetingView; poleId: string }) {
  const { t } = useTranslation("meetingRun");
  const me = useMe();
  const problem = useProblem();
  const meta = useDocumentMeta(meeting.documentId);
  const queryClient = useQueryClient();
  const closed = meeting.state === "closed";
  // Closing turns the minutes read-only: their right is read again at once.
  useEffect(() => {
    if (closed) void queryClient.invalidateQueries({ queryKey: documentKey(meeting.documentId) });
  }, [closed, meeting.documentId, queryClient]);

  return (
    <section aria-labelledby="minutes-title" className="card meeting-minutes">
      <h2 id="minutes-title">{t("minutes.title")}</h2>
      {closed ? null : <p className="muted small">{t("minutes.hint")}</p>}
      {meta.data && me.data ? (
        <DocumentWorkspace
          doc={meta.data}
          user={me.data.user}
          homePath={`/p/${poleId}`}
          label={t("minutes.label", { title: meeting.title })}
          readOnlyReason={closed ? t("minutes.closed") : undefined}
        />
      ) : (
        <QueryStatus query={meta} describe={problem} />
      )}
      <p>
        <Link to={`/d/${meeting.documentId}`}>{t("minutes.open")}</Link>
      </p>
    </section>
  );
}
