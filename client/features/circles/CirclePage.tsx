/** `/p/:poleId/cercles/:circleId`: a circle's members, documents and activity; placements for its managers. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Circle, CirclePage as CircleView } from "../../../shared/api/circles";
import type { CircleRole } from "../../../shared/permissions";
import { Avatar } from "../../app/Avatar";
import { CircleRoleSelect, CircleSelect } from "../../app/CircleFields";
import { useSubmit } from "../../app/form";
import { usePole } from "../../app/pole";
import { circlesKey, documentsKey, useCircles, usePoleMembers } from "../../app/poleQueries";
import { RecordPage } from "../../app/RecordPage";
import { Timeline } from "../../app/Timeline";
import { api } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import {
  Badge,
  Notice,
  OutcomeNotice,
  SelectField,
  TextAreaField,
  TextField,
  useDisclosure,
  useDocumentTitle,
} from "../../ui/kit";
import { Tags } from "../../ui/tags";
import { GroupProject, GroupSettings } from "./GroupLife";
import { circlePageKey, circlePath, useCirclePage } from "./queries";
import "./strings";
import { CircleDecisions } from "../decisions/CircleDecisions";
import "../activity/strings";
import { CircleMeetings } from "../meetings/CircleMeetings";

export function CirclePage() {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const { t: ta } = useTranslation("activity");
  const { circleId = "" } = useParams();
  const { poleId, pole, ready } = usePole();
  const circle = useCirclePage(circleId);
  useDocumentTitle(circle.data?.name ?? t("circles.title"));

  return (
    <RecordPage
      pole={pole}
      ready={ready}
      listTitle={t("circles.title")}
      listPath="cercles"
      record={circle}
      unknown={t("circle.unknown")}
    >
      {(circle, pole) => (
        <>
          <div className="page-head">
            <div className="page-head__text">
              <p className="eyebrow">{tc(`circleKinds.${circle.kind}`)}</p>
              <h1>{circle.name}</h1>
            </div>
            <Link to={`/p/${poleId}/activite?cercle=${circle.id}`}>{ta("ofCircle")}</Link>
          </div>
          {circle.archived ? (
            <Notice tone="warning" title={t("archives.archivedGroup")} live={false}>
              <p>
                {t("archives.archivedGroupHint")}{" "}
                <Link to={`/p/${poleId}/archives`}>{t("archives.title")}</Link>
              </p>
            </Notice>
          ) : null}
          {circle.theme ? <p className="lead">{circle.theme}</p> : null}
          {circle.description ? <p>{circle.description}</p> : null}
          <div className="columns">
            <div className="columns__main">
              <Members poleId={poleId} circle={circle} />
              {circle.canManage ? <Placement poleId={poleId} circle={circle} /> : null}
            </div>
            <div className="columns__side">
              <section aria-labelledby="docs-title" className="card">
                <h2 id="docs-title">{t("circle.documents")}</h2>
                {circle.documents.length === 0 ? (
                  <p className="muted">{t("circle.noDocuments")}</p>
                ) : (
                  <ul className="plain-list">
                    {circle.documents.map((doc) => (
                      <li key={doc.id}>
                        <Link to={`/d/${doc.id}`}>{doc.title}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              {circle.kind === "project" ? (
                <GroupProject poleId={poleId} circleId={circle.id} />
              ) : null}
              <CircleDecisions poleId={poleId} circleId={circle.id} />
              <CircleMeetings poleId={poleId} circleId={circle.id} />
              <Activity circle={circle} />
              {circle.canManage && circle.kind !== "core" && circle.kind !== "steering" ? (
                <>
                  <DetailsForm circle={circle} />
                  <GroupSettings
                    poleId={poleId}
                    circle={circle}
                    coordinator={pole.role === "coordinator"}
                  />
                </>
              ) : null}
            </div>
          </div>
        </>
      )}
    </RecordPage>
  );
}

function useRefresh(poleId: string, circleId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: circlePageKey(circleId) }),
      queryClient.invalidateQueries({ queryKey: circlesKey(poleId) }),
      queryClient.invalidateQueries({ queryKey: documentsKey(poleId) }),
      queryClient.invalidateQueries({ queryKey: ["circles"] }),
    ]);
  };
}

function Members({ poleId, circle }: { poleId: string; circle: CircleView }) {
  const { t, i18n } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const circles = useCircles(poleId);
  const refresh = useRefresh(poleId, circle.id);
  const { outcome, submit } = useSubmit(useProblem());
  const run = (action: () => Promise<void>, success: string) =>
    submit(async () => {
      await action();
      await refresh();
    }, success);

  const seatPath = (userId: string) =>
    `${circlePath(circle.id)}/members/${encodeURIComponent(userId)}`;
  const others = (circles.data ?? []).filter((c) => c.id !== circle.id);

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t("circle.members")}</h2>
      <OutcomeNotice outcome={outcome} />
      {circle.members.length === 0 ? <p className="muted">{t("circle.noMembers")}</p> : null}
      <ul className="circle-members">
        {circle.members.map((member) => (
          <li key={member.userId} className="circle-member">
            <Avatar id={member.userId} name={member.name} />
            <div className="circle-member__main">
              <Link to={`/p/${poleId}/personnes/${member.userId}`} className="circle-member__name">
                {member.name}
              </Link>
              <span className="muted small">
                {[
                  member.structureName,
                  t("common.since", { date: formatDate(member.since, i18n.language) }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
              <Tags tags={member.competencies} label={t("person.competencies")} />
            </div>
            {circle.canManage ? (
              <MemberActions
                name={member.name}
                role={member.role}
                others={others}
                onRole={(role) =>
                  run(
                    () => api.call("PUT", seatPath(member.userId), { role }),
                    t("circle.placed", { name: member.name, role: tc(`circleRoles.${role}`) }),
                  )
                }
                onRemove={() =>
                  run(
                    () => api.call("DELETE", seatPath(member.userId)),
                    t("circle.removed", { name: member.name }),
                  )
                }
                onMove={(toCircleId) =>
                  run(
                    () =>
                      api.call("POST", `${seatPath(member.userId)}/move`, {
                        toCircleId,
                        role: member.role,
                      }),
                    t("circle.moved", { name: member.name }),
                  )
                }
              />
            ) : (
              <Badge tone="neutral">{tc(`circleRoles.${member.role}`)}</Badge>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MemberActions({
  name,
  role,
  others,
  onRole,
  onRemove,
  onMove,
}: {
  name: string;
  role: CircleRole;
  others: Circle[];
  onRole(role: CircleRole): void;
  onRemove(): void;
  onMove(circleId: string): void;
}) {
  const { t } = useTranslation("collective");
  const moving = useDisclosure();
  const [target, setTarget] = useState(others[0]?.id ?? "");
  return (
    <div className="circle-member__actions">
      <CircleRoleSelect
        label={t("circle.changeRole", { name })}
        value={role}
        onChange={(next) => {
          if (next !== role) onRole(next);
        }}
      />
      <div className="circle-member__buttons">
        {others.length > 0 ? (
          <button
            type="button"
            className="button button--ghost button--small"
            {...moving.toggle}
            aria-label={t("circle.moveLabel", { name })}
          >
            {t("circle.move")}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--ghost button--small"
          aria-label={t("circle.removeLabel", { name })}
          onClick={onRemove}
        >
          {t("circle.remove")}
        </button>
      </div>
      <div {...moving.panel} className="circle-member__move">
        {moving.open ? (
          <>
            <CircleSelect
              label={t("circle.moveTo")}
              circles={others}
              value={target}
              onChange={setTarget}
            />
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onMove(target)}
            >
              {t("circle.move")}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}

function Placement({ poleId, circle }: { poleId: string; circle: CircleView }) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const members = usePoleMembers(poleId);
  const refresh = useRefresh(poleId, circle.id);
  const { outcome, submit } = useSubmit(useProblem());
  const seated = new Set(circle.members.map((m) => m.userId));
  const candidates = (members.data ?? []).filter((m) => !seated.has(m.userId));
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<CircleRole>("member");
  const titleId = useId();

  function place(event: FormEvent) {
    event.preventDefault();
    const chosen = candidates.find((c) => c.userId === (userId || candidates[0]?.userId));
    if (!chosen) return;
    void submit(
      async () => {
        await api.call(
          "PUT",
          `${circlePath(circle.id)}/members/${encodeURIComponent(chosen.userId)}`,
          { role },
        );
        await refresh();
        setUserId("");
      },
      t("circle.placed", { name: chosen.name, role: tc(`circleRoles.${role}`) }),
    );
  }

  if (candidates.length === 0) return null;
  return (
    <form className="card form placement" onSubmit={place} aria-labelledby={titleId}>
      <h2 id={titleId}>{t("circle.manage")}</h2>
      <OutcomeNotice outcome={outcome} />
      <div className="form__row form__row--even">
        <SelectField
          label={t("circle.person")}
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
        >
          {candidates.map((candidate) => (
            <option key={candidate.userId} value={candidate.userId}>
              {candidate.name}
            </option>
          ))}
        </SelectField>
        <CircleRoleSelect label={t("circle.role")} value={role} onChange={setRole} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t("circle.place")}
        </button>
      </div>
    </form>
  );
}

function Activity({ circle }: { circle: CircleView }) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  return (
    <section aria-labelledby="activity-title" className="card">
      <h2 id="activity-title">{t("circle.activity")}</h2>
      {circle.activity.length === 0 ? <p className="muted">{t("circle.noActivity")}</p> : null}
      <Timeline
        compact
        events={circle.activity.map((event) => ({
          key: `${event.at}:${event.userId}:${event.role}`,
          at: event.at,
          left: event.role === null,
          what:
            event.role === null
              ? t("circle.leftCircle", { name: event.userName })
              : t("circle.joinedAs", {
                  name: event.userName,
                  role: tc(`circleRoles.${event.role}`),
                }),
        }))}
      />
    </section>
  );
}

function DetailsForm({ circle }: { circle: CircleView }) {
  const { t } = useTranslation("collective");
  const queryClient = useQueryClient();
  const { outcome, submit } = useSubmit(useProblem());
  const [theme, setTheme] = useState(circle.theme);
  const [description, setDescription] = useState(circle.description);
  const titleId = useId();

  function save(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await api.call("PUT", `${circlePath(circle.id)}/details`, { theme, description });
      await queryClient.invalidateQueries({ queryKey: circlePageKey(circle.id) });
    }, t("common.saved"));
  }

  return (
    <form className="card form" onSubmit={save} aria-labelledby={titleId}>
      <h2 id={titleId}>{t("circle.details")}</h2>
      <OutcomeNotice outcome={outcome} />
      <TextField
        label={t("circles.theme")}
        value={theme}
        onChange={(event) => setTheme(event.target.value)}
      />
      <TextAreaField
        label={t("circles.description")}
        value={description}
        onChange={setDescription}
      />
      <div className="form__actions">
        <button type="submit" className="button button--secondary">
          {t("common.save")}
        </button>
      </div>
    </form>
  );
}
