/** First run: create the pôle and its first coordinator (POST /api/setup). */
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { AccountFields, accountBody, accountErrors, useFields, useSubmit } from "../../app/form";
import { meKey, setupKey, useSetupStatus } from "../../app/session";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { required } from "../../lib/validation";
import { FormActions, FormError, Loading, Notice, TextField, useDocumentTitle } from "../../ui/kit";

export function SetupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("setup.title"));
  const status = useSetupStatus();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, values, errors, set, check } = useFields({
    poleName: "",
    name: "",
    email: "",
    password: "",
  });
  const {
    busy,
    error,
    submit: send,
    clear,
  } = useSubmit((caught) => {
    if (!isApiError(caught, 409)) return errorMessage(caught, t);
    // Someone else finished the setup meanwhile.
    queryClient.setQueryData(setupKey, { needed: false });
    return t("setup.alreadyDone");
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!check({ poleName: required(values.poleName, t, 120), ...accountErrors(values, t) })) {
      return;
    }
    await send(async () => {
      await api.call("POST", "/api/setup", {
        pole: { name: values.poleName.trim() },
        admin: accountBody(values),
      });
      queryClient.setQueryData(setupKey, { needed: false });
      await queryClient.invalidateQueries({ queryKey: meKey });
      navigate("/", { replace: true });
    });
  }

  if (status.isPending) return <Loading />;

  if (status.data && !status.data.needed) {
    return (
      <div className="page page--narrow">
        <h1>{t("setup.title")}</h1>
        <Notice tone="info">{t("setup.alreadyDone")}</Notice>
        <p>
          <Link to="/login" className="button button--primary">
            {t("setup.goToLogin")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <h1>{t("setup.title")}</h1>
      <p className="lead">{t("setup.intro")}</p>
      <p className="muted">{t("setup.whatWeCreate")}</p>
      <form ref={form} className="card form" onSubmit={submit} noValidate>
        <FormError error={error} />
        <fieldset className="fieldset">
          <legend>{t("setup.poleSection")}</legend>
          <TextField
            label={t("fields.poleName")}
            hint={t("fields.poleNameHint")}
            required
            value={values.poleName}
            onChange={(event) => set("poleName")(event.target.value)}
            error={errors.poleName}
            autoComplete="organization"
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("setup.adminSection")}</legend>
          <AccountFields
            values={values}
            errors={errors}
            set={set}
            nameLabel={t("fields.yourName")}
          />
        </fieldset>
        <FormActions busy={busy} label={t("setup.submit")} busyLabel={t("setup.submitting")} />
      </form>
    </div>
  );
}
