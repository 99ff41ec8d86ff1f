/**
 * `/p/:poleId/nouveaux` (coordinators): invite a pasted list of people, follow each
 * newcomer's welcome, and confirm or change their suggested circles in one click.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Circle } from "../../../shared/api/circles";
import { BulkInvitations } from "../../../shared/api/invitations";
import { type Newcomer, Newcomers, type Suggestion } from "../../../shared/api/onboarding";
import { checklistSteps, onboardingSteps } from "../../../shared/collective";
import { isOneOf } from "../../../shared/one-of";
import { type CircleRole, canFollowNewcomers } from "../../../shared/permissions";
import { useSubmit } from "../../app/form";
import {
  Badge,
  FormActions,
  FormError,
  Notice,
  QueryStatus,
  TextAreaField,
  TextField,
  useDisclosure,
  useDocumentTitle,
} from "../../app/ui";
import { api } from "../../lib/api";
import { formatDate } from "../../lib/i18n";
import { keys, paths } from "../collective/api";
import { Avatar, Crumbs, PoleGate, usePole, useProblem } from "../collective/ui";
import { CircleRoleSelect, CircleSelect } from "../poles/fields";
import { circlesKey, sortCircles, useCircles } from "../poles/queries";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The same split the server makes; it checks each address again before writing anything. */
function readList(pasted: string) {
  const items = pasted
    .split(/[\s,;]+/)
    .map((item) => item.replace(/^<|>$/g, "").toLowerCase())
    .filter(Boolean);
  const invalid = items.filter((item) => !EMAIL.test(item));
  const twice = items.filter((item, index) => items.indexOf(item) !== index);
  return { valid: items.filter((item) => EMAIL.test(item)), invalid, twice: [...new Set(twice)] };
}

export function NewcomersPage() {
  const { t, i18n } = useTranslation("collective");
  const { poleId, pole, ready } = usePole();
  const allowed = pole ? canFollowNewcomers({ poleRole: pole.role, circles: [] }) : false;
  const circles = useCircles(allowed ? poleId : undefined);
  const problem = useProblem();
  const newcomers = useQuery({
    queryKey: keys.newcomers(poleId),
    queryFn: () => api.get(`${paths.pole(poleId)}/newcomers`, Newcomers),
    enabled: allowed,
  });
  useDocumentTitle(t("newcomers.title"));
  const sorted = useMemo(
    () => (circles.data ? sortCircles(circles.data, i18n.language) : []),
    [circles.data, i18n.language],
  );

  return (
    <PoleGate title={t("newcomers.title")} pole={pole} ready={ready} allowed={allowed}>
      {(pole) => (
        <div className="page">
          <Crumbs pole={pole} trail={[{ label: t("newcomers.title") }]} />
          <h1>{t("newcomers.title")}</h1>
          <p className="lead">{t("newcomers.intro")}</p>
          <section aria-labelledby="progress-title">
            <h2 id="progress-title">{t("newcomers.progressTitle")}</h2>
            <QueryStatus query={newcomers} describe={problem} />
            {newcomers.data?.length === 0 ? (
              <p className="muted">{t("newcomers.noNewcomers")}</p>
            ) : null}
            <ul className="newcomers">
              {(newcomers.data ?? []).map((newcomer) => (
                <NewcomerCard
                  key={newcomer.userId}
                  poleId={poleId}
                  newcomer={newcomer}
                  circles={sorted}
                />
              ))}
            </ul>
          </section>
          {circles.data ? <BulkInvite poleId={poleId} circles={sorted} /> : null}
        </div>
      )}
    </PoleGate>
  );
}

function NewcomerCard({
  poleId,
  newcomer,
  circles,
}: {
  poleId: string;
  newcomer: Newcomer;
  circles: Circle[];
}) {
  const { t, i18n } = useTranslation("collective");
  const steps = [...onboardingSteps, ...checklistSteps];
  const complete = newcomer.done === newcomer.total;
  return (
    <li className="newcomer card" data-newcomer={newcomer.userId}>
      <div className="newcomer__head">
        <Avatar id={newcomer.userId} name={newcomer.name} />
        <div className="newcomer__id">
          <Link to={`/p/${poleId}/personnes/${newcomer.userId}`} className="newcomer__name">
            {newcomer.name}
          </Link>
          <span className="muted small">
            {[
              t("newcomers.arrived", { date: formatDate(newcomer.startedAt, i18n.language) }),
              newcomer.structureName,
              newcomer.interest ? t(`interestShort.${newcomer.interest}`) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </div>
        {complete ? <Badge tone="edit">{t("newcomers.completed")}</Badge> : null}
      </div>
      <p className="checklist__progress">
        <progress
          max={newcomer.total}
          value={newcomer.done}
          aria-labelledby={`progress-${newcomer.userId}`}
        />
        <span id={`progress-${newcomer.userId}`}>
          {t("newcomers.progress", {
            done: newcomer.done,
            total: newcomer.total,
            count: newcomer.done,
          })}
        </span>
      </p>
      <ul className="newcomer__steps" aria-label={t("newcomers.stepsDone")}>
        {steps.map((step) => (
          <li
            key={step}
            className={newcomer.steps[step] ? "newcomer__step--done" : "newcomer__step"}
          >
            <span aria-hidden="true">{newcomer.steps[step] ? "✓ " : "○ "}</span>
            {isOneOf(checklistSteps, step)
              ? t(`checklist.${step}`)
              : t(`onboarding.steps.${step as (typeof onboardingSteps)[number]}`)}
            <span className="visually-hidden">
              {" "}
              — {newcomer.steps[step] ? t("checklist.done") : t("checklist.todo")}
            </span>
          </li>
        ))}
      </ul>
      <h3 className="newcomer__subtitle">{t("newcomers.suggestions")}</h3>
      {newcomer.suggestions.length === 0 ? (
        <p className="muted small">{t("newcomers.noSuggestion")}</p>
      ) : null}
      <ul className="suggestions">
        {newcomer.suggestions.map((suggestion) => (
          <SuggestionRow
            key={suggestion.id}
            poleId={poleId}
            name={newcomer.name}
            suggestion={suggestion}
            circles={circles}
          />
        ))}
      </ul>
    </li>
  );
}

function SuggestionRow({
  poleId,
  name,
  suggestion,
  circles,
}: {
  poleId: string;
  name: string;
  suggestion: Suggestion;
  circles: Circle[];
}) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const { busy, outcome, submit } = useSubmit(useProblem());
  const changing = useDisclosure();
  const [circleId, setCircleId] = useState(suggestion.circleId);
  const [role, setRole] = useState<CircleRole>(suggestion.role);

  const decide = (request: () => Promise<void>, success: string) =>
    submit(async () => {
      await request();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.newcomers(poleId) }),
        queryClient.invalidateQueries({ queryKey: circlesKey(poleId) }),
      ]);
    }, success);

  const confirm = (change: { circleId?: string; role?: CircleRole }) => {
    const target = circles.find((c) => c.id === (change.circleId ?? suggestion.circleId));
    return decide(
      () =>
        api.call("POST", `/api/suggestions/${encodeURIComponent(suggestion.id)}/confirm`, change),
      t("newcomers.confirmed", { name, circle: target?.name ?? suggestion.circleName }),
    );
  };

  return (
    <li className="suggestion" data-state={suggestion.state}>
      <span className="suggestion__what">
        {suggestion.circleName} · {tc(`circleRoles.${suggestion.role}`)}
      </span>
      {suggestion.state === "pending" ? (
        <span className="suggestion__actions">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            aria-label={t("newcomers.confirmLabel", { name, circle: suggestion.circleName })}
            onClick={() => void confirm({})}
          >
            {t("newcomers.confirm")}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            {...changing.toggle}
            aria-label={t("newcomers.changeLabel", { name })}
          >
            {t("newcomers.change")}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={busy}
            aria-label={t("newcomers.dismissLabel", { name, circle: suggestion.circleName })}
            onClick={() =>
              void decide(
                () => api.call("DELETE", `/api/suggestions/${encodeURIComponent(suggestion.id)}`),
                t("newcomers.dismissed"),
              )
            }
          >
            {t("newcomers.dismiss")}
          </button>
        </span>
      ) : (
        <Badge tone="muted">{t(`newcomers.states.${suggestion.state}`)}</Badge>
      )}
      <div {...changing.panel} className="suggestion__change">
        {changing.open && suggestion.state === "pending" ? (
          <>
            <CircleSelect
              label={t("newcomers.changeTo")}
              circles={circles}
              value={circleId}
              onChange={setCircleId}
            />
            <CircleRoleSelect label={t("newcomers.role")} value={role} onChange={setRole} />
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy}
              onClick={() => void confirm({ circleId, role })}
            >
              {t("newcomers.confirm")}
            </button>
          </>
        ) : null}
      </div>
      {outcome ? (
        <p
          role={outcome.tone === "error" ? "alert" : "status"}
          className={outcome.tone === "error" ? "field__error" : "small"}
        >
          {outcome.text}
        </p>
      ) : null}
    </li>
  );
}

function BulkInvite({ poleId, circles }: { poleId: string; circles: Circle[] }) {
  const { t } = useTranslation("collective");
  const queryClient = useQueryClient();
  const { busy, error, submit: send, clear } = useSubmit(useProblem());
  const [emails, setEmails] = useState("");
  const [circleId, setCircleId] = useState("");
  const [role, setRole] = useState<CircleRole>("observer");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [created, setCreated] = useState<Array<{ email: string; url: string; emailed: boolean }>>(
    [],
  );
  const list = readList(emails);
  const titleId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problemText =
      list.valid.length + list.invalid.length === 0
        ? t("newcomers.empty")
        : list.invalid.length > 0
          ? t("newcomers.invalid", { list: list.invalid.join(", "), count: list.invalid.length })
          : list.twice.length > 0
            ? t("newcomers.twice", { list: list.twice.join(", ") })
            : undefined;
    setFieldError(problemText);
    clear();
    if (problemText) return;
    await send(async () => {
      const answer = await api.post(
        `${paths.pole(poleId)}/invitations/bulk`,
        { emails, circles: circleId ? [{ circleId, role }] : [] },
        BulkInvitations,
      );
      setCreated(
        answer.invitations.map((i) => ({
          email: i.email,
          // The link as this browser reaches the server.
          url: new URL(`/invitation/${encodeURIComponent(i.token)}`, location.origin).href,
          emailed: i.emailed,
        })),
      );
      setEmails("");
      await queryClient.invalidateQueries({ queryKey: ["poles", poleId, "invitations"] });
    });
  }

  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t("newcomers.bulkTitle")}</h2>
      <form className="card form" onSubmit={submit} noValidate aria-labelledby={titleId}>
        <FormError error={error} />
        <TextAreaField
          label={t("newcomers.emails")}
          hint={t("newcomers.emailsHint")}
          value={emails}
          rows={4}
          error={fieldError}
          onChange={(value) => {
            setEmails(value);
            setFieldError(undefined);
          }}
        />
        <p className="muted small" aria-live="polite">
          {list.valid.length > 0 ? t("newcomers.count", { count: list.valid.length }) : null}
        </p>
        <div className="form__row form__row--even">
          <CircleSelect
            label={t("newcomers.circle")}
            circles={circles}
            none={t("newcomers.noCircle")}
            value={circleId}
            onChange={setCircleId}
          />
          <CircleRoleSelect
            label={t("newcomers.role")}
            value={role}
            disabled={!circleId}
            onChange={setRole}
          />
        </div>
        <FormActions
          busy={busy}
          label={t("newcomers.invite")}
          busyLabel={t("newcomers.inviting")}
        />
        {created.length > 0 ? (
          <div className="created-invitations">
            <Notice tone="success">{t("newcomers.sent", { count: created.length })}</Notice>
            <ul className="plain-list">
              {created.map((item) => (
                <li key={item.email} className="created-invitation">
                  <span className="created-invitation__email">{item.email}</span>
                  {item.emailed ? (
                    <Badge tone="edit">{t("newcomers.emailed")}</Badge>
                  ) : (
                    <TextField
                      label={`${t("newcomers.copyLink")} — ${item.email}`}
                      value={item.url}
                      readOnly
                      className="input input--mono"
                      data-invitation-link={item.email}
                      onFocus={(event) => event.currentTarget.select()}
                    />
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </form>
    </section>
  );
}
