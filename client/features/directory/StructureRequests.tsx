/**
 * Joining a structure is a request: its people and the coordination answer the pending
 * ones here, and the person who asked sees (and may withdraw) theirs on their profile.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { StructureRequest } from "../../../shared/api/structure-requests";
import { useSubmit } from "../../app/form";
import { api } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { Notice, OutcomeNotice } from "../../ui/kit";
import {
  structureRequestPath,
  structureRequestsKey,
  structuresKey,
  useStructureRequests,
} from "./queries";
import "./strings";

/** Answers change who belongs where: the lists that show it are read again. */
function useAnswer(poleId: string) {
  const queryClient = useQueryClient();
  const { busy, outcome, submit } = useSubmit(useProblem());
  const answer = (request: () => Promise<unknown>, success: string) =>
    submit(async () => {
      await request();
      await Promise.all(
        [structureRequestsKey(poleId), structuresKey(poleId), ["poles", poleId, "people"]].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
    }, success);
  return { busy, outcome, answer };
}

/** Shown only to those who have requests to answer. */
export function StructureRequestsSection({ poleId }: { poleId: string }) {
  const { t } = useTranslation("collective");
  const requests = useStructureRequests(poleId);
  const { busy, outcome, answer } = useAnswer(poleId);
  const titleId = useId();
  if (!requests.data?.length && !outcome) return null;
  return (
    <section aria-labelledby={titleId} className="structure-requests">
      <h2 id={titleId}>{t("structureRequests.title")}</h2>
      <p className="muted small">{t("structureRequests.intro")}</p>
      <OutcomeNotice outcome={outcome} />
      <ul className="structure-list">
        {(requests.data ?? []).map((request) => (
          <RequestRow
            key={`${request.structureId}-${request.userId}`}
            poleId={poleId}
            request={request}
            busy={busy}
            onAccept={() =>
              answer(
                () =>
                  api.call(
                    "POST",
                    `${structureRequestPath(request.structureId, request.userId)}/accept`,
                  ),
                t("structureRequests.accepted", {
                  name: request.name,
                  structure: request.structureName,
                }),
              )
            }
            onRefuse={() =>
              answer(
                () => api.call("DELETE", structureRequestPath(request.structureId, request.userId)),
                t("structureRequests.refused", { name: request.name }),
              )
            }
          />
        ))}
      </ul>
    </section>
  );
}

function RequestRow({
  poleId,
  request,
  busy,
  onAccept,
  onRefuse,
}: {
  poleId: string;
  request: StructureRequest;
  busy: boolean;
  onAccept(): void;
  onRefuse(): void;
}) {
  const { t, i18n } = useTranslation("collective");
  const what = { name: request.name, structure: request.structureName };
  return (
    <li className="list-row structure-request">
      <span>
        <Link to={`/p/${poleId}/personnes/${request.userId}`}>{request.name}</Link>{" "}
        {t("structureRequests.asks", {
          structure: request.structureName,
          date: formatDate(request.requestedAt, i18n.language),
        })}
      </span>
      <span className="structure-request__actions">
        <button
          type="button"
          className="button button--primary button--small"
          disabled={busy}
          aria-label={t("structureRequests.acceptLabel", what)}
          onClick={onAccept}
        >
          {t("structureRequests.accept")}
        </button>
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={busy}
          aria-label={t("structureRequests.refuseLabel", what)}
          onClick={onRefuse}
        >
          {t("structureRequests.refuse")}
        </button>
      </span>
    </li>
  );
}

/** On a profile: the structure asked for, waiting; the person themself may withdraw it. */
export function PendingStructureNotice({
  poleId,
  userId,
  structure,
}: {
  poleId: string;
  userId: string;
  structure: { id: string; name: string };
}) {
  const { t } = useTranslation("collective");
  const { busy, outcome, answer } = useAnswer(poleId);
  return (
    <>
      <Notice tone="info">
        {t("structureRequests.pending", { structure: structure.name })}{" "}
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={busy}
          onClick={() =>
            void answer(
              () => api.call("DELETE", structureRequestPath(structure.id, userId)),
              t("structureRequests.withdrawn"),
            )
          }
        >
          {t("structureRequests.withdraw")}
        </button>
      </Notice>
      <OutcomeNotice outcome={outcome} />
    </>
  );
}
