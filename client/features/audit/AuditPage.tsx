/** `/p/:poleId/journal` (coordinators): who changed what, when; filtered by person, kind and dates. */
import { useInfiniteQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { AuditPage as AuditAnswer, type AuditEntry } from "../../../shared/api/audit";
import { PoleProfileBody, type PoleProfileInput } from "../../../shared/api/poles";
import { isOneOf } from "../../../shared/one-of";
import { canReadAudit, circleRoles, poleRoles } from "../../../shared/permissions";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { useCircles, usePoleMembers } from "../../app/poleQueries";
import { api, polePath } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { Loading, Notice, SelectField, TextField, useDocumentTitle } from "../../ui/kit";
import "../circles/strings";
import "../onboarding/strings";
import "../profile/strings";
import "./strings";

const auditKey = (poleId: string, query: string) => ["poles", poleId, "audit", query] as const;

const kinds = [
  "circle",
  "invitation",
  "profile",
  "person",
  "structure",
  "suggestion",
  "onboarding",
  "charter",
  "pole",
  "member",
  "password",
  "decision",
  "colleges",
  "amendment",
  "meeting",
  "document",
] as const;

interface Filters {
  actorId: string;
  kind: string;
  from: string;
  to: string;
}

const empty: Filters = { actorId: "", kind: "", from: "", to: "" };

export function AuditPage() {
  const { t } = useTranslation("collective");
  const { poleId, pole, ready } = usePole();
  const allowed = pole ? canReadAudit({ poleRole: pole.role, circles: [] }) : false;
  useDocumentTitle(t("audit.title"));
  return (
    <PoleGate title={t("audit.title")} pole={pole} ready={ready} allowed={allowed}>
      {(pole) => (
        <div className="page">
          <Crumbs pole={pole} trail={[{ label: t("audit.title") }]} />
          <h1>{t("audit.title")}</h1>
          <p className="lead">{t("audit.intro")}</p>
          <AuditLog poleId={poleId} />
        </div>
      )}
    </PoleGate>
  );
}

function AuditLog({ poleId }: { poleId: string }) {
  const { t, i18n } = useTranslation("collective");
  const problem = useProblem();
  const members = usePoleMembers(poleId);
  const circles = useCircles(poleId);
  const [draft, setDraft] = useState<Filters>(empty);
  const [filters, setFilters] = useState<Filters>(empty);
  const query = new URLSearchParams(
    Object.entries(filters).filter(([, value]) => value),
  ).toString();
  const log = useInfiniteQuery({
    queryKey: auditKey(poleId, query),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set("before", String(pageParam));
      const search = params.toString();
      return api.get(`${polePath(poleId)}/audit${search ? `?${search}` : ""}`, AuditAnswer);
    },
    initialPageParam: 0,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const circleName = (id: unknown) =>
    typeof id === "string" ? (circles.data?.find((c) => c.id === id)?.name ?? "—") : "—";
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
  }

  const time = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "fr-FR", {
    dateStyle: "medium",
    timeStyle: "short",
  });

  return (
    <>
      <form className="card audit-filters" onSubmit={apply} aria-label={t("audit.filter")}>
        <SelectField
          label={t("audit.who")}
          value={draft.actorId}
          onChange={(event) => setDraft({ ...draft, actorId: event.target.value })}
        >
          <option value="">{t("audit.anyone")}</option>
          {(members.data ?? []).map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("audit.what")}
          value={draft.kind}
          onChange={(event) => setDraft({ ...draft, kind: event.target.value })}
        >
          <option value="">{t("audit.anything")}</option>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`audit.kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("audit.from")}
          type="date"
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
        <TextField
          label={t("audit.to")}
          type="date"
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        <div className="audit-filters__actions">
          <button type="submit" className="button button--primary">
            {t("audit.filter")}
          </button>
        </div>
      </form>
      {log.isPending ? <Loading /> : null}
      {log.isError ? <Notice tone="error">{problem(log.error)}</Notice> : null}
      {log.data && entries.length === 0 ? <p className="muted">{t("audit.none")}</p> : null}
      {entries.length > 0 ? (
        <div className="table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.what")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td>
                    <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
                  </td>
                  <td>{entry.actor?.name ?? t("audit.system")}</td>
                  <td>
                    <Describe entry={entry} circleName={circleName} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {log.hasNextPage ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {t("audit.more")}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** The pôle profile's fields, named in the journal by their labels on the profile page. */
const profileFields = Object.keys(PoleProfileBody.shape) as Array<keyof PoleProfileInput>;

function Describe({ entry, circleName }: { entry: AuditEntry; circleName(id: unknown): string }) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const details = entry.details;
  // A circle role, or a pôle role for member.role_changed: both are read from `role`.
  const role = circleRoles.find((r) => r === details.role);
  const poleRole = poleRoles.find((r) => r === details.role);
  const target =
    entry.targetName ??
    (entry.action.startsWith("invitation.") ? t("audit.noEmail") : t("audit.someone"));
  const values = {
    target,
    circle: circleName(details.circleId),
    role: role ? tc(`circleRoles.${role}`) : "",
    poleRole: poleRole ? tc(`poleRoles.${poleRole}`) : "",
    action: entry.action,
  };
  const actions = t("audit.actions", { returnObjects: true }) as Record<string, string>;
  const sentence =
    entry.action in actions
      ? t(`audit.actions.${entry.action as "pole.founded"}`, values)
      : t("audit.actions.other", values);
  const changed = Array.isArray(details.changed)
    ? details.changed
        .map((field) => (isOneOf(profileFields, field) ? t(`profile.${field}`) : String(field)))
        .join(", ")
    : null;
  return (
    <>
      {sentence}
      {changed ? (
        <span className="muted small"> — {t("audit.changed", { fields: changed })}</span>
      ) : null}
    </>
  );
}
