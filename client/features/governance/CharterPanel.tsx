/**
 * Under the charter: the version in force (number, date, the decision that adopted it),
 * whether the working text differs from it, its amendments, and the form to propose one.
 */
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { canProposeAmendment } from "../../../shared/permissions";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { usePoleEvents } from "../../lib/live";
import { Badge, FormActions, FormError, TextAreaField, TextField } from "../../ui/kit";
import { useCharter, useProposeAmendment } from "./queries";
import { usePoleMember } from "./usePoleMember";
import "./strings";

export function CharterPanel({ charterId, poleId }: { charterId: string; poleId: string }) {
  const { t, i18n } = useTranslation("governance");
  usePoleEvents(poleId);
  const charter = useCharter(charterId);
  const { member } = usePoleMember(poleId);
  if (!charter.data) return null;
  const { adoptedVersion, amendments, workingTextDiffers } = charter.data;
  return (
    <section className="card governance" aria-labelledby="charter-adopted">
      <h2 id="charter-adopted">{t("charter.title")}</h2>
      {adoptedVersion ? (
        <>
          <p>
            {t("charter.adopted", {
              number: adoptedVersion.number,
              date: formatDate(adoptedVersion.adoptedAt, i18n.language),
            })}{" "}
            {adoptedVersion.decisionId ? (
              <Link to={`/p/${poleId}/decisions/${adoptedVersion.decisionId}`}>
                {t("charter.decision")}
              </Link>
            ) : null}
          </p>
          <p>{workingTextDiffers ? t("charter.differs") : t("charter.same")}</p>
        </>
      ) : (
        <p>{t("charter.none")}</p>
      )}
      <h3>{t("charter.amendments")}</h3>
      {amendments.length === 0 ? (
        <p>{t("charter.noAmendments")}</p>
      ) : (
        <ul className="governance__amendments">
          {amendments.map((amendment) => (
            <li key={amendment.id}>
              <Link to={`/d/${amendment.documentId}`}>{amendment.title}</Link>{" "}
              <Badge tone={amendment.state === "draft" ? "edit" : "neutral"}>
                {t(`states.${amendment.state}`)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {canProposeAmendment(member) ? <ProposeForm charterId={charterId} /> : null}
    </section>
  );
}

function ProposeForm({ charterId }: { charterId: string }) {
  const { t } = useTranslation("governance");
  const { t: core } = useTranslation();
  const navigate = useNavigate();
  const propose = useProposeAmendment(charterId);
  const [title, setTitle] = useState("");
  const [rationale, setRationale] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    propose.mutate(
      { title, rationale },
      { onSuccess: (amendment) => navigate(`/d/${amendment.documentId}`) },
    );
  };
  return (
    <form className="form" onSubmit={submit}>
      <fieldset>
        <legend>{t("charter.propose")}</legend>
        <p className="muted">{t("charter.proposeHint")}</p>
        <TextField
          label={t("charter.titleLabel")}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          required
          maxLength={300}
        />
        <TextAreaField
          label={t("charter.rationaleLabel")}
          value={rationale}
          onChange={setRationale}
        />
        <FormError error={propose.isError ? errorMessage(propose.error, core) : null} />
        <FormActions
          busy={propose.isPending}
          label={t("charter.submit")}
          busyLabel={t("charter.submitting")}
        />
      </fieldset>
    </form>
  );
}
