/** `/p/:poleId/invitations`: coordinators invite people into circles and follow the links. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Invitations } from "../../../shared/api/invitations";
import { circleRoles } from "../../../shared/permissions";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { sortCircles, useCircles, usePoleMembers } from "../../app/poleQueries";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { Badge, QueryStatus, useDocumentTitle } from "../../ui/kit";
import { InvitationForm } from "./InvitationForm";
import { InvitationList } from "./InvitationList";

export const invitationsKey = (poleId: string) => ["poles", poleId, "invitations"] as const;

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
