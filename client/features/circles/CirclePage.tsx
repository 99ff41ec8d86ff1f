/** `/p/:poleId/cercles/:circleId`: a circle's members, documents and activity; placements for its managers. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type CircleRole, circleRoles } from "../../../shared/permissions";
import { Badge, Loading, Notice, SelectField, TextField, useDocumentTitle } from "../../app/ui";
import { api, isApiError } from "../../lib/api";
import { formatDate } from "../../lib/i18n";
import type { Circle } from "../../lib/schemas";
import { type CirclePage as CircleView, keys, paths, useCirclePage } from "../collective/api";
import { Avatar, Crumbs, PoleGate, Tags, TextArea, usePole, useProblem } from "../collective/ui";
import { circlesKey, documentsKey, useCircles, usePoleMembers } from "../poles/queries";

export function CirclePage() {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const { circleId = "" } = useParams();
  const { poleId, pole, ready } = usePole();
  const circle = useCirclePage(circleId);
  const problem = useProblem();
  useDocumentTitle(circle.data?.name ?? t("circles.title"));

  return (
    <PoleGate title={t("circles.title")} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page">
          <Crumbs
            pole={pole}
            trail={[
              { label: t("circles.title"), to: `/p/${pole.id}/cercles` },
              { label: circle.data?.name ?? "…" },
            ]}
          />
          {circle.isPending ? <Loading /> : null}
          {circle.isError ? (
            <>
              <h1>{t("circles.title")}</h1>
              <Notice tone="error">
                {isApiError(circle.error, 404) ? t("circle.unknown") : problem(circle.error)}
              </Notice>
            </>
          ) : null}
          {circle.data ? (
            <>
              <div className="page-head">
                <div className="page-head__text">
                  <p className="eyebrow">{tc(`circleKinds.${circle.data.kind}`)}</p>
                  <h1>{circle.data.name}</h1>
                </div>
              </div>
              {circle.data.theme ? <p className="lead">{circle.data.theme}</p> : null}
              {circle.data.description ? <p>{circle.data.description}</p> : null}
              <div className="columns">
                <div className="columns__main">
                  <Members poleId={poleId} circle={circle.data} />
                  {circle.data.canManage ? (
                    <Placement poleId={poleId} circle={circle.data} />
                  ) : null}
                </div>
                <div className="columns__side">
                  <section aria-labelledby="docs-title" className="card">
                    <h2 id="docs-title">{t("circle.documents")}</h2>
                    {circle.data.documents.length === 0 ? (
                      <p className="muted">{t("circle.noDocuments")}</p>
                    ) : (
                      <ul className="plain-list">
                        {circle.data.documents.map((doc) => (
                          <li key={doc.id}>
                            <Link to={`/d/${doc.id}`}>{doc.title}</Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                  <Activity circle={circle.data} />
                  {circle.data.canManage &&
                  circle.data.kind !== "core" &&
                  circle.data.kind !== "steering" ? (
                    <DetailsForm circle={circle.data} />
                  ) : null}
                </div>
              </div>
            </>
          ) : null}
        </div>
      )}
    </PoleGate>
  );
}

function useRefresh(poleId: string, circleId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.circle(circleId) }),
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
  const problem = useProblem();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function run(action: () => Promise<void>, success: string) {
    setMessage(null);
    try {
      await action();
      await refresh();
      setMessage({ tone: "success", text: success });
    } catch (caught) {
      setMessage({ tone: "error", text: problem(caught) });
    }
  }

  const seatPath = (userId: string) =>
    `${paths.circle(circle.id)}/members/${encodeURIComponent(userId)}`;
  const others = (circles.data ?? []).filter((c) => c.id !== circle.id);

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t("circle.members")}</h2>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
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
  const { t: tc } = useTranslation();
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState(others[0]?.id ?? "");
  const moveId = useId();
  return (
    <div className="circle-member__actions">
      <SelectField
        label={t("circle.changeRole", { name })}
        value={role}
        onChange={(event) => {
          const next = circleRoles.find((r) => r === event.target.value);
          if (next && next !== role) onRole(next);
        }}
      >
        {circleRoles.map((value) => (
          <option key={value} value={value}>
            {tc(`circleRoles.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="circle-member__buttons">
        {others.length > 0 ? (
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={moving}
            aria-controls={moveId}
            aria-label={t("circle.moveLabel", { name })}
            onClick={() => setMoving((value) => !value)}
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
      <div id={moveId} hidden={!moving} className="circle-member__move">
        {moving ? (
          <>
            <SelectField
              label={t("circle.moveTo")}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
            >
              {others.map((circle) => (
                <option key={circle.id} value={circle.id}>
                  {circle.name}
                </option>
              ))}
            </SelectField>
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
  const problem = useProblem();
  const seated = new Set(circle.members.map((m) => m.userId));
  const candidates = (members.data ?? []).filter((m) => !seated.has(m.userId));
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<CircleRole>("member");
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const titleId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = candidates.find((c) => c.userId === (userId || candidates[0]?.userId));
    if (!chosen) return;
    setMessage(null);
    try {
      await api.call(
        "PUT",
        `${paths.circle(circle.id)}/members/${encodeURIComponent(chosen.userId)}`,
        { role },
      );
      await refresh();
      setUserId("");
      setMessage({
        tone: "success",
        text: t("circle.placed", { name: chosen.name, role: tc(`circleRoles.${role}`) }),
      });
    } catch (caught) {
      setMessage({ tone: "error", text: problem(caught) });
    }
  }

  if (candidates.length === 0) return null;
  return (
    <form className="card form placement" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId}>{t("circle.manage")}</h2>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
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
        <SelectField
          label={t("circle.role")}
          value={role}
          onChange={(event) =>
            setRole(circleRoles.find((r) => r === event.target.value) ?? "member")
          }
        >
          {circleRoles.map((value) => (
            <option key={value} value={value}>
              {tc(`circleRoles.${value}`)}
            </option>
          ))}
        </SelectField>
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
  const { t, i18n } = useTranslation("collective");
  const { t: tc } = useTranslation();
  return (
    <section aria-labelledby="activity-title" className="card">
      <h2 id="activity-title">{t("circle.activity")}</h2>
      {circle.activity.length === 0 ? <p className="muted">{t("circle.noActivity")}</p> : null}
      <ol className="timeline timeline--compact">
        {circle.activity.map((event) => (
          <li
            key={`${event.at}:${event.userId}:${event.role}`}
            className={`timeline__item${event.role === null ? " timeline__item--left" : ""}`}
          >
            <time dateTime={event.at} className="timeline__date">
              {formatDate(event.at, i18n.language)}
            </time>
            <span className="timeline__what">
              {event.role === null
                ? t("circle.leftCircle", { name: event.userName })
                : t("circle.joinedAs", {
                    name: event.userName,
                    role: tc(`circleRoles.${event.role}`),
                  })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function DetailsForm({ circle }: { circle: CircleView }) {
  const { t } = useTranslation("collective");
  const queryClient = useQueryClient();
  const problem = useProblem();
  const [theme, setTheme] = useState(circle.theme);
  const [description, setDescription] = useState(circle.description);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const titleId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.call("PUT", `${paths.circle(circle.id)}/details`, { theme, description });
      await queryClient.invalidateQueries({ queryKey: keys.circle(circle.id) });
      setMessage({ tone: "success", text: t("common.saved") });
    } catch (caught) {
      setMessage({ tone: "error", text: problem(caught) });
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId}>{t("circle.details")}</h2>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <TextField
        label={t("circles.theme")}
        value={theme}
        onChange={(event) => setTheme(event.target.value)}
      />
      <TextArea label={t("circles.description")} value={description} onChange={setDescription} />
      <div className="form__actions">
        <button type="submit" className="button button--secondary">
          {t("common.save")}
        </button>
      </div>
    </form>
  );
}
