/**
 * Shared findings: each statement with the needs and sources it rests on, and the steering
 * committee's views on it (d'accord, réservé, pas d'accord, with a comment), tallied live.
 * Votes live in a Y.Map per finding keyed by person: two people voting never collide.
 */

import { memo, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { fieldsOf } from "../../../shared/diagnostic/fields";
import type { MalformedRow, TableContent } from "../../../shared/diagnostic/reading";
import { type Vote, votes } from "../../../shared/diagnostic/vocabularies";
import { type Finding, findingState, tally } from "../../../shared/diagnostic/votes";
import { deleteMalformed, deleteRow, setVote } from "../../../shared/diagnostic/writing";
import { markFound } from "../../ui/found";
import { Notice } from "../../ui/kit";
import { EditorFaces, type Option, RefsCell, type RowContext, TextCell } from "./cells";
import { DeleteButton } from "./RegistryTable";
import type { Editing } from "./useDiagnostic";
import "./strings";

export interface Voter {
  id: string;
  name: string;
}

interface FindingsProps {
  content: TableContent<Finding>;
  doc: Y.Doc;
  provider: WebsocketProvider;
  editable: boolean;
  voter: Voter;
  needs: Option[];
  sources: Option[];
  meetings: ReadonlyMap<string, string>;
  editing: Map<string, Editing[]>;
  /** A finding to bring into view and focus (just created). */
  focusRowId?: string | null;
}

const specs = Object.fromEntries(fieldsOf("findings").map((field) => [field.key, field]));

export function Findings(props: FindingsProps) {
  const { t } = useTranslation("diagnostic");
  const [gone, setGone] = useState(false);
  const { content, focusRowId } = props;
  const list = useRef<HTMLOListElement>(null);
  const focused = useRef<string | null>(null);
  // Runs again when the findings change: the new card may render after the request.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `content` is the trigger
  useEffect(() => {
    if (!focusRowId || focused.current === focusRowId) return;
    const field = list.current?.querySelector<HTMLElement>(
      `li[data-row-id="${CSS.escape(focusRowId)}"] input`,
    );
    if (!field) return;
    focused.current = focusRowId;
    const card = field.closest<HTMLElement>("li[data-row-id]");
    if (card) markFound(card);
    field.scrollIntoView({ block: "center" });
    field.focus();
  }, [focusRowId, content]);
  if (content.rows.length === 0 && content.malformed.length === 0) {
    return <p className="muted">{t("empty")}</p>;
  }
  return (
    <>
      {gone ? (
        <Notice tone="warning">
          <p>{t("rowGone")}</p>
        </Notice>
      ) : null}
      <p className="small muted">{t("findings.stateHint")}</p>
      <ol className="findings" ref={list}>
        {content.rows.map((finding, index) => (
          <FindingCard
            key={finding.id}
            finding={finding}
            index={index}
            props={props}
            editors={props.editing.get(`findings:${finding.id}`)}
            onGone={() => setGone(true)}
          />
        ))}
        {content.malformed.map((row) => (
          <MalformedFinding key={`malformed:${row.index}`} row={row} props={props} />
        ))}
      </ol>
    </>
  );
}

const FindingCard = memo(function FindingCard({
  finding,
  index,
  props,
  editors,
  onGone,
}: {
  finding: Finding;
  index: number;
  props: FindingsProps;
  editors: Editing[] | undefined;
  onGone(): void;
}) {
  const { t } = useTranslation("diagnostic");
  const { doc, provider, editable, voter } = props;
  const counts = tally(finding.votes);
  const state = findingState(counts);
  const rowName = finding.title.trim() || t("untitled", { index: index + 1 });
  const ctx: RowContext = useMemo(
    () => ({ doc, provider, table: "findings", rowId: finding.id, rowName, onGone }),
    [doc, provider, finding.id, rowName, onGone],
  );
  const mine = finding.votes.find((vote) => vote.userId === voter.id);
  const meeting = finding.meetingId ? props.meetings.get(finding.meetingId) : undefined;
  const names = editors?.map((person) => person.name).join(", ") ?? "";

  return (
    <li
      className={`finding finding--${state}`}
      data-row-id={finding.id}
      data-state={state}
      data-editing={editors && editors.length > 0 ? names : undefined}
      style={editors?.[0] ? { boxShadow: `inset 4px 0 0 ${editors[0].color}` } : undefined}
    >
      <div className="finding__head">
        <div className="finding__statement">
          <TextCell
            ctx={ctx}
            spec={specs.title}
            fieldKey="title"
            value={finding.title}
            editable={editable}
          />
        </div>
        <span className={`finding__state badge badge--${state === "shared" ? "edit" : "muted"}`}>
          {t(`choices.${state}`)}
        </span>
      </div>
      {editors && editors.length > 0 ? (
        <p className="reg-presence small">
          <EditorFaces editors={editors} />
          <span>{t("editing", { names, count: editors.length })}</span>
        </p>
      ) : null}
      <dl className="finding__refs">
        {(
          [
            ["needIds", props.needs],
            ["sourceIds", props.sources],
          ] as const
        ).map(([fieldKey, options]) => (
          <div key={fieldKey}>
            <dt>{t(`fields.findings.${fieldKey}`)}</dt>
            <dd>
              <RefsCell
                ctx={ctx}
                fieldKey={fieldKey}
                value={finding[fieldKey]}
                options={options}
                editable={editable}
              />
            </dd>
          </div>
        ))}
        {meeting !== undefined ? (
          <div>
            <dt>{t("fields.findings.meetingId")}</dt>
            <dd>{t("findings.fromMeeting", { title: meeting })}</dd>
          </div>
        ) : null}
      </dl>
      <p
        className="finding__tally"
        data-tally={`${counts.agree}-${counts.reserved}-${counts.disagree}`}
      >
        {t("findings.tally", { ...counts })}
      </p>
      {editable ? (
        <VoteForm
          key={mine ? `${mine.vote}:${mine.comment}` : "none"}
          findingId={finding.id}
          doc={doc}
          voter={voter}
          current={mine ? { vote: mine.vote, comment: mine.comment } : null}
          onGone={onGone}
        />
      ) : null}
      <details className="finding__votes">
        <summary>
          {t("findings.votes")} ({finding.votes.length})
        </summary>
        {finding.votes.length === 0 ? (
          <p className="small muted">{t("findings.noVotes")}</p>
        ) : (
          <ul>
            {finding.votes.map((vote) => (
              <li key={vote.userId} data-vote={vote.vote}>
                <strong>{vote.name || "?"}</strong> — {t(`choices.${vote.vote}`)}
                {vote.comment ? <span className="muted"> : « {vote.comment} »</span> : null}
              </li>
            ))}
          </ul>
        )}
      </details>
      {editable ? (
        <div className="finding__actions">
          <DeleteButton
            label={t("deleteLabel", { row: rowName })}
            onDelete={() => deleteRow(doc, "findings", finding.id)}
          />
        </div>
      ) : null}
    </li>
  );
});

function VoteForm({
  findingId,
  doc,
  voter,
  current,
  onGone,
}: {
  findingId: string;
  doc: Y.Doc;
  voter: Voter;
  current: { vote: Vote; comment: string } | null;
  onGone(): void;
}) {
  const { t } = useTranslation("diagnostic");
  const id = useId();
  const [comment, setComment] = useState(current?.comment ?? "");
  const save = (vote: Vote | null, text = comment) => {
    const ok = setVote(
      doc,
      findingId,
      voter.id,
      vote ? { vote, comment: text, name: voter.name } : null,
    );
    if (!ok) onGone();
  };
  return (
    <fieldset className="vote">
      <legend className="vote__legend">{t("findings.yourVote")}</legend>
      <div className="vote__choices">
        {votes.map((vote) => (
          <label key={vote} className={`vote__choice vote__choice--${vote}`}>
            <input
              type="radio"
              name={`${id}-vote`}
              value={vote}
              checked={current?.vote === vote}
              onChange={() => save(vote)}
            />
            <span>{t(`choices.${vote}`)}</span>
          </label>
        ))}
      </div>
      <div className="vote__comment">
        <label htmlFor={`${id}-comment`} className="field__label small">
          {t("findings.comment")}
        </label>
        <input
          id={`${id}-comment`}
          className="input"
          maxLength={500}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          onBlur={() => {
            if (current && comment !== current.comment) save(current.vote);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && current) save(current.vote);
          }}
        />
        {current ? (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => save(null)}
          >
            {t("findings.withdraw")}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

function MalformedFinding({ row, props }: { row: MalformedRow; props: FindingsProps }) {
  const { t } = useTranslation("diagnostic");
  const title = typeof row.raw.title === "string" ? row.raw.title : "";
  return (
    <li className="finding finding--malformed" data-malformed="true">
      <p>
        <strong>⚠ {t("malformed")}</strong>
        {title ? ` — ${title}` : null}
      </p>
      <p className="small muted">{t("malformedIssues", { issues: row.issues.join(" ; ") })}</p>
      {props.editable ? (
        <DeleteButton
          label={t("deleteLabel", { row: t("malformed") })}
          onDelete={() => deleteMalformed(props.doc, "findings", row)}
        />
      ) : null}
    </li>
  );
}
