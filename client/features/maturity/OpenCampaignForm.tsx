/** Coordinators open a campaign: its title, its days, and who answers. */
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Audience } from "../../../shared/api/maturity";
import { useCircles, usePoleMembers } from "../../app/poleQueries";
import { useProblem } from "../../lib/errors";
import { Choice, ChoiceGroup } from "../../ui/choices";
import { FormActions, SelectField, TextField, TitledForm } from "../../ui/kit";
import { useOpenCampaign } from "./queries";
import "./strings";

const isoDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export function OpenCampaignForm({ poleId }: { poleId: string }) {
  const { t } = useTranslation("maturity");
  const problem = useProblem();
  const navigate = useNavigate();
  const circles = useCircles(poleId);
  const members = usePoleMembers(poleId);
  const open = useOpenCampaign(poleId);
  const [title, setTitle] = useState("");
  const [opensOn, setOpensOn] = useState(isoDay(0));
  const [closesOn, setClosesOn] = useState(isoDay(30));
  const [kind, setKind] = useState<Audience["kind"]>("pole");
  const [circleId, setCircleId] = useState("");
  const [userIds, setUserIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  function audience(): Audience {
    if (kind === "circle") return { kind, circleId: circleId || (circles.data?.[0]?.id ?? "") };
    if (kind === "people") return { kind, userIds };
    return { kind: "pole" };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim() || !opensOn || !closesOn) {
      setError(t("open.required"));
      return;
    }
    setError(null);
    try {
      const campaign = await open.mutateAsync({ title, opensOn, closesOn, audience: audience() });
      navigate(`/p/${poleId}/maturite/${campaign.id}`);
    } catch (failure) {
      setError(problem(failure));
    }
  }

  return (
    <TitledForm title={t("open.title")} error={error} onSubmit={submit}>
      <TextField
        label={t("open.name")}
        placeholder={t("open.namePlaceholder")}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        maxLength={200}
      />
      <div className="form__row">
        <TextField
          type="date"
          label={t("open.opensOn")}
          value={opensOn}
          onChange={(event) => setOpensOn(event.target.value)}
        />
        <TextField
          type="date"
          label={t("open.closesOn")}
          value={closesOn}
          onChange={(event) => setClosesOn(event.target.value)}
        />
      </div>
      <ChoiceGroup legend={t("open.audience")}>
        {(["pole", "circle", "people"] as const).map((option) => (
          <Choice
            key={option}
            type="radio"
            name="audience"
            checked={kind === option}
            onChange={() => setKind(option)}
            label={t(`open.${option}`)}
          />
        ))}
      </ChoiceGroup>
      {kind === "circle" ? (
        <SelectField
          label={t("open.circleLabel")}
          value={circleId}
          onChange={(event) => setCircleId(event.target.value)}
        >
          {circles.data?.map((circle) => (
            <option key={circle.id} value={circle.id}>
              {circle.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind === "people" ? (
        <ChoiceGroup legend={t("open.peopleLabel")}>
          {members.data
            ?.filter((member) => member.role !== "observer")
            .map((member) => (
              <Choice
                key={member.userId}
                type="checkbox"
                name="people"
                checked={userIds.includes(member.userId)}
                onChange={(checked) =>
                  setUserIds((list) =>
                    checked ? [...list, member.userId] : list.filter((id) => id !== member.userId),
                  )
                }
                label={member.name}
              />
            ))}
        </ChoiceGroup>
      ) : null}
      <FormActions busy={open.isPending} label={t("open.submit")} busyLabel={t("open.submit")} />
    </TitledForm>
  );
}
