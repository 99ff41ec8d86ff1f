/** `/p/:poleId/invitations`: coordinators invite people into circles and follow the links. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Circle } from "../../../shared/api/circles";
import { CreatedInvitation, type Invitation, Invitations } from "../../../shared/api/invitations";
import { type CircleRole, circleRoles } from "../../../shared/permissions";
import { useSubmit } from "../../app/form";
import {
  Badge,
  FormActions,
  FormError,
  Notice,
  PlusIcon,
  QueryStatus,
  SelectField,
  TextField,
  useDocumentTitle,
} from "../../app/ui";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { sameWords } from "../../lib/text";
import {
  type FieldErrors,
  focusFirstInvalid,
  hasErrors,
  optionalEmail,
} from "../../lib/validation";
import { Crumbs, PoleGate, usePole } from "../collective/ui";
import { CircleRoleSelect } from "../poles/fields";
import { sortCircles, useCircles, usePoleMembers } from "../poles/queries";

const invitationsKey = (poleId: string) => ["poles", poleId, "invitations"] as const;

export function InvitationsPage() {
  const { t, i18n } = useTranslation();
  const { poleId, pole, ready } = usePole();
  const coordinator = pole?.role === "coordinator";
  useDocumentTitle(pole ? `${t("invitations.title")} — ${pole.name}` : t("invitations.title"));

  const circles = useCircles(coordinator ? poleId : undefined);
  const invitations = useQuery({
    queryKey: invitationsKey(poleId),
    queryFn: () => api.get(`/api/poles/${encodeURIComponent(poleId)}/invitations`, Invitations),
    enabled: coordinator,
  });
  const members = usePoleMembers(poleId, coordinator);
  const describe = (error: unknown) => errorMessage(error, t);

  const sorted = circles.data ? sortCircles(circles.data, i18n.language) : [];
  const circleName = (id: string) => sorted.find((circle) => circle.id === id)?.name ?? id;

  return (
    <PoleGate
      title={t("invitations.title")}
      pole={pole}
      ready={ready}
      allowed={coordinator}
      refusal={t("invitations.notAllowed")}
    >
      {(pole) => (
        <div className="page">
          <Crumbs pole={pole} trail={[{ label: t("invitations.title") }]} />
          <h1>{t("invitations.title")}</h1>
          <p className="lead">{t("invitations.intro")}</p>

          <div className="columns">
            <section aria-labelledby="create-title" className="columns__main">
              <h2 id="create-title">{t("invitations.createTitle")}</h2>
              <QueryStatus query={circles} describe={describe} />
              {circles.data ? <InvitationForm poleId={pole.id} circles={sorted} /> : null}
            </section>

            <aside aria-labelledby="roles-title" className="columns__side card">
              <h2 id="roles-title">{t("invitations.roleHelp")}</h2>
              <dl className="roles">
                {circleRoles.map((role) => (
                  <div key={role}>
                    <dt>{t(`circleRoles.${role}`)}</dt>
                    <dd>{t(`circleRoleHints.${role}`)}</dd>
                  </div>
                ))}
              </dl>
            </aside>
          </div>

          <section aria-labelledby="list-title">
            <h2 id="list-title">{t("invitations.listTitle")}</h2>
            <QueryStatus query={invitations} describe={describe} />
            {invitations.data ? (
              <InvitationList
                poleId={pole.id}
                invitations={invitations.data}
                circleName={circleName}
              />
            ) : null}
          </section>

          <section aria-labelledby="members-title">
            <h2 id="members-title">{t("invitations.membersTitle")}</h2>
            <QueryStatus query={members} describe={describe} />
            {members.data?.length === 0 ? (
              <p className="muted">{t("invitations.noMembers")}</p>
            ) : null}
            {members.data && members.data.length > 0 ? (
              <ul className="member-list">
                {[...members.data]
                  .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
                  .map((member) => (
                    <li key={member.userId} className="list-row member">
                      <span className="member__name">{member.name}</span>
                      <span className="member__email">{member.email}</span>
                      <Badge tone="neutral">{t(`poleRoles.${member.role}`)}</Badge>
                    </li>
                  ))}
              </ul>
            ) : null}
          </section>
        </div>
      )}
    </PoleGate>
  );
}

interface Row {
  key: number;
  circleId: string;
  role: CircleRole;
}

type Field = "email" | "days" | "circles";

function InvitationForm({ poleId, circles }: { poleId: string; circles: Circle[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const nextKey = useRef(1);
  const circlesErrorId = useId();
  const [email, setEmail] = useState("");
  const [days, setDays] = useState("14");
  const [rows, setRows] = useState<Row[]>(() => [
    {
      key: 0,
      circleId: (circles.find((circle) => circle.kind === "steering") ?? circles[0])?.id ?? "",
      role: "member",
    },
  ]);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const { busy, error, submit: send, clear } = useSubmit((caught) => errorMessage(caught, t));
  const [link, setLink] = useState<string | null>(null);

  const update = (key: number, change: Partial<Row>) =>
    setRows((previous) => previous.map((row) => (row.key === key ? { ...row, ...change } : row)));

  function addRow() {
    const used = new Set(rows.map((row) => row.circleId));
    const free = circles.find((circle) => !used.has(circle.id));
    const key = nextKey.current++;
    setRows((previous) => [...previous, { key, circleId: free?.id ?? "", role: "member" }]);
    requestAnimationFrame(() =>
      form.current?.querySelector<HTMLSelectElement>(`[data-row="${key}"] select`)?.focus(),
    );
  }

  function removeRow(key: number) {
    setRows((previous) => previous.filter((row) => row.key !== key));
    requestAnimationFrame(() =>
      form.current?.querySelector<HTMLButtonElement>("[data-add-row]")?.focus(),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const dayCount = Number(days);
    const ids = rows.map((row) => row.circleId).filter(Boolean);
    const found: FieldErrors<Field> = {
      email: optionalEmail(email, t),
      days:
        Number.isInteger(dayCount) && dayCount >= 1 && dayCount <= 90
          ? undefined
          : t("validation.days"),
      circles:
        ids.length === 0
          ? t("validation.circleRequired")
          : new Set(ids).size !== ids.length
            ? t("validation.circleTwice")
            : undefined,
    };
    setErrors(found);
    clear();
    if (hasErrors(found)) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    await send(async () => {
      const created = await api.post(
        `/api/poles/${encodeURIComponent(poleId)}/invitations`,
        {
          ...(email.trim() ? { email: email.trim() } : {}),
          circles: rows.map(({ circleId, role }) => ({ circleId, role })),
          expiresInDays: dayCount,
        },
        CreatedInvitation,
      );
      // The link as the coordinator's own browser reaches this server.
      setLink(new URL(`/invitation/${encodeURIComponent(created.token)}`, location.origin).href);
      await queryClient.invalidateQueries({ queryKey: invitationsKey(poleId) });
    });
  }

  const circlesInvalid = errors.circles !== undefined;

  return (
    <form
      ref={form}
      className="card form"
      onSubmit={submit}
      noValidate
      aria-labelledby="create-title"
    >
      <FormError error={error} />
      <TextField
        label={t("invitations.email")}
        hint={t("invitations.emailHint")}
        type="email"
        value={email}
        onChange={(event) => {
          setEmail(event.target.value);
          setErrors((previous) => ({ ...previous, email: undefined }));
        }}
        error={errors.email}
        autoComplete="off"
        spellCheck={false}
      />
      <fieldset className="fieldset" aria-describedby={circlesInvalid ? circlesErrorId : undefined}>
        <legend>{t("invitations.circlesLegend")}</legend>
        <ol className="circle-rows">
          {rows.map((row, index) => (
            <li key={row.key} className="circle-row" data-row={row.key}>
              <span className="circle-row__index" aria-hidden="true">
                {index + 1}.
              </span>
              <SelectField
                label={`${t("invitations.circle")} ${rows.length > 1 ? index + 1 : ""}`.trim()}
                value={row.circleId}
                aria-invalid={circlesInvalid ? true : undefined}
                onChange={(event) => {
                  update(row.key, { circleId: event.target.value });
                  setErrors((previous) => ({ ...previous, circles: undefined }));
                }}
              >
                {circles.map((circle) => (
                  <option key={circle.id} value={circle.id}>
                    {sameWords(circle.name, t(`circleKinds.${circle.kind}`))
                      ? circle.name
                      : `${circle.name} (${t(`circleKinds.${circle.kind}`)})`}
                  </option>
                ))}
              </SelectField>
              <CircleRoleSelect
                label={`${t("invitations.role")} ${rows.length > 1 ? index + 1 : ""}`.trim()}
                value={row.role}
                onChange={(role) => update(row.key, { role })}
              />
              {rows.length > 1 ? (
                <button
                  type="button"
                  className="button button--ghost button--small circle-row__remove"
                  aria-label={t("invitations.removeCircle", { index: index + 1 })}
                  onClick={() => removeRow(row.key)}
                >
                  {t("invitations.remove")}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {circlesInvalid ? (
          <p id={circlesErrorId} className="field__error">
            {errors.circles}
          </p>
        ) : null}
        {rows.length < circles.length ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={addRow}
            data-add-row=""
          >
            <PlusIcon />
            {t("invitations.addCircle")}
          </button>
        ) : null}
      </fieldset>
      <TextField
        label={t("invitations.expiresInDays")}
        hint={t("invitations.expiresHint")}
        type="number"
        inputMode="numeric"
        min={1}
        max={90}
        value={days}
        onChange={(event) => {
          setDays(event.target.value);
          setErrors((previous) => ({ ...previous, days: undefined }));
        }}
        error={errors.days}
        className="input input--short"
      />
      <FormActions
        busy={busy}
        label={t("invitations.submit")}
        busyLabel={t("invitations.submitting")}
      />
      {link ? <CreatedLink link={link} /> : null}
    </form>
  );
}

function CreatedLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState("copied");
    } catch {
      input.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <div className="created-link">
      <Notice tone="success">{t("invitations.created")}</Notice>
      <div className="created-link__row">
        <TextField
          inputRef={input}
          label={t("invitations.link")}
          value={link}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          data-invitation-link=""
          className="input input--mono"
        />
        <button type="button" className="button button--secondary" onClick={copy}>
          {t("invitations.copy")}
        </button>
      </div>
      <p role="status" className="small">
        {copyState === "copied" ? t("invitations.copied") : null}
        {copyState === "failed" ? t("invitations.copyFailed") : null}
      </p>
    </div>
  );
}

const stateTone = {
  pending: "edit",
  accepted: "neutral",
  expired: "muted",
  revoked: "muted",
} as const;

function InvitationList({
  poleId,
  invitations,
  circleName,
}: {
  poleId: string;
  invitations: Invitation[];
  circleName(id: string): string;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => api.call("DELETE", `/api/invitations/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      setMessage(t("invitations.revoked"));
      await queryClient.invalidateQueries({ queryKey: invitationsKey(poleId) });
    },
    onError: (error) => setMessage(errorMessage(error, t)),
  });

  const sorted = [...invitations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <p role="status" className="small">
        {message}
      </p>
      {sorted.length === 0 ? <p className="muted">{t("invitations.none")}</p> : null}
      <ul className="invitation-list">
        {sorted.map((invitation) => {
          const who = invitation.email || t("invitations.noEmail");
          return (
            <li key={invitation.id} className="invitation" data-state={invitation.state}>
              <div className="invitation__main">
                <p className="invitation__who">{who}</p>
                <ul className="invitation__circles">
                  {invitation.circles.map((seat) => (
                    <li key={seat.circleId}>
                      {circleName(seat.circleId)} · {t(`circleRoles.${seat.role}`)}
                    </li>
                  ))}
                </ul>
                <p className="invitation__dates small muted">
                  {t("invitations.createdAt", {
                    date: formatDate(invitation.createdAt, i18n.language),
                  })}
                  {" · "}
                  {t("invitations.expiresAt", {
                    date: formatDate(invitation.expiresAt, i18n.language),
                  })}
                </p>
              </div>
              <div className="invitation__side">
                <Badge tone={stateTone[invitation.state]}>
                  {t(`invitations.states.${invitation.state}`)}
                </Badge>
                {invitation.state === "pending" ? (
                  <button
                    type="button"
                    className="button button--danger button--small"
                    aria-label={t("invitations.revokeLabel", { who })}
                    disabled={revoke.isPending && revoke.variables === invitation.id}
                    onClick={() => revoke.mutate(invitation.id)}
                  >
                    {t("invitations.revoke")}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
