/** `/p/:poleId/mes-cercles`: the circles the person sits in, their people and what they can do. */
import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CirclePage } from "../../../shared/api/circles";
import { Avatar } from "../../app/Avatar";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { useCircles } from "../../app/poleQueries";
import { useMe } from "../../app/session";
import { api } from "../../lib/api";
import { Badge, Loading, Notice, useDocumentTitle } from "../../ui/kit";
import { Tags } from "../../ui/tags";
import { circlePageKey, circlePath } from "../circles/queries";
import { useOnboarding } from "./queries";
import { useStepOnVisit } from "./steps";
import "./strings";

export function MeetCirclesPage() {
  const { t } = useTranslation("collective");
  const { poleId, pole, ready } = usePole();
  useDocumentTitle(t("meet.title"));
  return (
    <PoleGate title={t("meet.title")} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page">
          <Crumbs pole={pole} trail={[{ label: t("meet.title") }]} />
          <h1>{t("meet.title")}</h1>
          <p className="lead">{t("meet.intro")}</p>
          <MyCircles poleId={poleId} />
        </div>
      )}
    </PoleGate>
  );
}

function MyCircles({ poleId }: { poleId: string }) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const me = useMe();
  const circles = useCircles(poleId);
  const onboarding = useOnboarding(poleId);
  useStepOnVisit(poleId, "meet_circles");
  const mine = (circles.data ?? []).filter((circle) =>
    circle.members.some((seat) => seat.userId === me.data?.user.id),
  );
  const pages = useQueries({
    queries: mine.map((circle) => ({
      queryKey: circlePageKey(circle.id),
      queryFn: () => api.get(circlePath(circle.id), CirclePage),
    })),
  });
  const pending = (onboarding.data?.suggestions ?? []).filter((s) => s.state === "pending");

  if (circles.isPending) return <Loading />;
  return (
    <>
      {pending.length > 0 ? (
        <Notice tone="info">
          {t("meet.pending", { circles: pending.map((s) => s.circleName).join(", ") })}
        </Notice>
      ) : null}
      {mine.length === 0 ? <p>{t("meet.none")}</p> : null}
      {pages.map((page, index) => {
        const circle = mine[index];
        return (
          <section
            key={circle.id}
            className="card meet-circle"
            aria-labelledby={`meet-${circle.id}`}
          >
            <h2 id={`meet-${circle.id}`} className="meet-circle__title">
              <Link to={`/p/${poleId}/cercles/${circle.id}`}>{circle.name}</Link>
            </h2>
            <p className="muted small">{tc(`circleKinds.${circle.kind}`)}</p>
            {page.data?.theme ? <p>{page.data.theme}</p> : null}
            {page.isPending ? <Loading /> : null}
            <ul className="circle-members">
              {(page.data?.members ?? []).map((member) => (
                <li key={member.userId} className="circle-member">
                  <Avatar id={member.userId} name={member.name} />
                  <div className="circle-member__main">
                    <Link
                      to={`/p/${poleId}/personnes/${member.userId}`}
                      className="circle-member__name"
                    >
                      {member.name}
                    </Link>
                    {member.structureName ? (
                      <span className="muted small">{member.structureName}</span>
                    ) : null}
                    <Tags tags={member.competencies} label={t("person.competencies")} />
                  </div>
                  <Badge tone="neutral">{tc(`circleRoles.${member.role}`)}</Badge>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
