/** The form that creates one invitation link, and the link once made. */

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Circle } from "../../../shared/api/circles";
import { CreatedInvitation } from "../../../shared/api/invitations";
import type { CircleRole, PoleRole } from "../../../shared/permissions";
import { CircleRoleSelect, PoleRoleSelect } from "../../app/CircleFields";
import { useSubmit } from "../../app/form";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { sameWords } from "../../lib/text";
import {
  type FieldErrors,
  focusFirstInvalid,
  hasErrors,
  optionalEmail,
} from "../../lib/validation";
import { CopyableLink } from "../../ui/CopyableLink";
import { FormActions, FormError, Notice, PlusIcon, SelectField, TextField } from "../../ui/kit";
import { invitationsKey } from "./InvitationsPage";

interface Row {
  key: number;
  circleId: string;
  role: CircleRole;
}

type Field = "email" | "days" | "circles";

export function InvitationForm({ poleId, circles }: { poleId: string; circles: Circle[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const nextKey = useRef(1);
  const circlesErrorId = useId();
  const [email, setEmail] = useState("");
  const [days, setDays] = useState("14");
  const [poleRole, setPoleRole] = useState<PoleRole>("member");
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
          poleRole,
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
      <PoleRoleSelect
        label={t("invitations.poleRole")}
        hint={t("invitations.poleRoleHint")}
        value={poleRole}
        onChange={setPoleRole}
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
  return (
    <div className="created-link">
      <Notice tone="success">{t("invitations.created")}</Notice>
      <CopyableLink link={link} label={t("invitations.link")} data-invitation-link="" />
    </div>
  );
}
