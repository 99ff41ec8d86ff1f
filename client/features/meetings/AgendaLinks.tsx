/**
 * What an agenda item points to: links to a need, a card, an amendment, with their titles
 * as the reader may see them; whoever runs the meeting adds and removes them.
 */
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NeedsWithProjects, Portfolio } from "../../../shared/api/boards";
import type { ItemLinkBody, ItemLinkView } from "../../../shared/api/meeting-run";
import { useSubmit } from "../../app/form";
import { usePoleDocuments } from "../../app/poleQueries";
import { api, polePath } from "../../lib/api";
import { useProblem } from "../../lib/errors";
import { FormActions, OutcomeNotice, SelectField, useDisclosure } from "../../ui/kit";
import { useCharter } from "../governance/queries";
import { useAddLink, useRemoveLink } from "./run-queries";
import "./run-strings";

function hrefOf(link: ItemLinkView): string {
  const document = `/d/${encodeURIComponent(link.documentId)}`;
  const target = encodeURIComponent(link.targetId);
  if (link.kind === "need") return `${document}?registry=needs&row=${target}`;
  if (link.kind === "card") return `${document}?card=${target}`;
  return document;
}

export function AgendaLinks({
  meetingId,
  links,
  canRun,
}: {
  meetingId: string;
  /** The item's own links. */
  links: readonly ItemLinkView[];
  canRun: boolean;
}) {
  const { t } = useTranslation("meetingRun");
  const remove = useRemoveLink(meetingId);
  const request = useSubmit(useProblem());
  if (links.length === 0) return null;
  return (
    <>
      <OutcomeNotice outcome={request.outcome} />
      <ul className="agenda-links" aria-label={t("links.title")}>
        {links.map((link) => {
          const kind = t(`links.kinds.${link.kind}`);
          return (
            <li key={link.id}>
              {kind} :{" "}
              {link.title === null ? (
                <span className="muted">{t("links.hidden")}</span>
              ) : (
                <Link to={hrefOf(link)}>{link.title}</Link>
              )}
              {canRun ? (
                <>
                  {" "}
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t("links.unlink", { title: link.title ?? kind })}
                    onClick={() => request.submit(() => remove.mutateAsync(link.id))}
                  >
                    ×
                  </button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The needs, cards and amendments of the pôle, read once the form opens. */
function useTargets(poleId: string, enabled: boolean) {
  const documents = usePoleDocuments(enabled ? poleId : undefined);
  const charterId = documents.data?.find((d) => d.kind === "charter")?.id ?? "";
  const charter = useCharter(charterId);
  const needs = useQuery({
    queryKey: ["meeting", "link-needs", poleId],
    queryFn: () => api.get(`${polePath(poleId)}/portfolio/needs`, NeedsWithProjects),
    enabled,
  });
  const cards = useQuery({
    queryKey: ["meeting", "link-cards", poleId],
    queryFn: () => api.get(`${polePath(poleId)}/portfolio`, Portfolio),
    enabled,
  });
  return {
    needs: needs.data ?? [],
    cards: cards.data?.projects ?? [],
    amendments: charterId ? (charter.data?.amendments ?? []) : [],
  };
}

/** A choice's value names its target: kind, then ids. */
function bodyOf(value: string): ItemLinkBody | null {
  const [kind, first = "", second = ""] = value.split("|");
  if (kind === "need") return { kind, needId: first };
  if (kind === "card") return { kind, boardId: first, cardId: second };
  if (kind === "amendment") return { kind, amendmentId: first };
  return null;
}

export function AddAgendaLink({
  meetingId,
  poleId,
  item,
}: {
  meetingId: string;
  poleId: string;
  item: { id: string; title: string };
}) {
  const { t } = useTranslation("meetingRun");
  const disclosure = useDisclosure();
  const targets = useTargets(poleId, disclosure.open);
  const add = useAddLink(meetingId);
  const request = useSubmit(useProblem());
  const [choice, setChoice] = useState("");
  const toggle = useRef<HTMLButtonElement>(null);
  const empty = targets.needs.length + targets.cards.length + targets.amendments.length === 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const link = bodyOf(choice);
    if (!link) return;
    if (await request.submit(() => add.mutateAsync({ itemId: item.id, link }))) {
      setChoice("");
      disclosure.setOpen(false);
      toggle.current?.focus();
    }
  }

  return (
    <div className="agenda-links__add">
      <button
        ref={toggle}
        type="button"
        className="button button--ghost button--small"
        {...disclosure.toggle}
        aria-label={t("links.addFor", { title: item.title })}
      >
        {t("links.add")}
      </button>
      {disclosure.open ? (
        <form id={disclosure.panel.id} className="form" onSubmit={submit}>
          <OutcomeNotice outcome={request.outcome} />
          {empty ? <p className="muted small">{t("links.none")}</p> : null}
          <SelectField
            label={t("links.target")}
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
          >
            <option value="">{t("links.choose")}</option>
            <optgroup label={t("links.needs")}>
              {targets.needs.map((need) => (
                <option key={need.id} value={`need|${need.id}`}>
                  {need.title}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("links.cards")}>
              {targets.cards.map((card) => (
                <option
                  key={`${card.boardId}|${card.id}`}
                  value={`card|${card.boardId}|${card.id}`}
                >
                  {card.title}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("links.amendments")}>
              {targets.amendments.map((amendment) => (
                <option key={amendment.id} value={`amendment|${amendment.id}`}>
                  {amendment.title}
                </option>
              ))}
            </optgroup>
          </SelectField>
          <FormActions busy={request.busy} label={t("links.submit")} busyLabel={t("links.busy")} />
        </form>
      ) : null}
    </div>
  );
}
