/** Inviting a pasted list of addresses at once. */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Circle } from "../../../shared/api/circles";
import { BulkInvitations } from "../../../shared/api/invitations";
import type { CircleRole } from "../../../shared/permissions";
import { CircleRoleSelect, CircleSelect } from "../../app/CircleFields";
import { useSubmit } from "../../app/form";
import { api, polePath } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { Badge, FormActions, FormError, Notice, TextAreaField, TextField } from "../../ui/kit";
import "./strings";

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

export function BulkInvite({ poleId, circles }: { poleId: string; circles: Circle[] }) {
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
        `${polePath(poleId)}/invitations/bulk`,
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
