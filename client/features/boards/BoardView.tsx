/**
 * A thematic group's project board, inside the document page: it shares that page's Y.Doc
 * and provider (client/lib/sync.ts). Kanban or table, the card dialog, the columns, and
 * presence: who has which card open (awareness field `boardCard`).
 */
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { CardLinks } from "../../../shared/api/boards";
import { addCard, effectiveColumn, seedColumns, setCardField } from "../../../shared/board-doc";
import { useCircles } from "../../app/poleQueries";
import { api } from "../../lib/api";
import { readUser, useAwareness } from "../../lib/awareness";
import { PlusIcon, SelectField, TextField } from "../../ui/kit";
import { SearchWithin } from "../search/SearchWithin";
import { CardDialog } from "./CardDialog";
import type { Viewer } from "./CardFace";
import { CardTable } from "./CardTable";
import { ColumnManager } from "./ColumnManager";
import { Kanban } from "./Kanban";
import { useBoard } from "./useBoard";
import "./boards.css";
import "./strings";

type View = "kanban" | "table";

interface Looking extends Viewer {
  clientId: number;
  cardId: string;
  self: boolean;
}

function readLooking(provider: WebsocketProvider): Looking[] {
  const result: Looking[] = [];
  for (const [clientId, state] of provider.awareness.getStates()) {
    const user = readUser(state);
    const cardId = state.boardCard;
    if (typeof cardId !== "string" || !user) continue;
    result.push({ clientId, cardId, ...user, self: clientId === provider.awareness.clientID });
  }
  return result;
}

/**
 * The server holds the card ↔ project links; the browser that made one also wrote it on
 * the card. Should that write have been lost (tab closed at the wrong time), an editor
 * opening the board writes it again.
 */
function useLinkRepair(doc: Y.Doc, boardId: string, editable: boolean, synced: boolean) {
  const links = useQuery({
    queryKey: ["boards", boardId, "links"],
    queryFn: () => api.get(`/api/documents/${encodeURIComponent(boardId)}/cards/links`, CardLinks),
    enabled: editable && synced,
  });
  useEffect(() => {
    if (!links.data) return;
    const cards = doc.getMap<Y.Map<unknown>>("cards");
    doc.transact(() => {
      for (const link of links.data) {
        const card = cards.get(link.cardId);
        if (!card) continue;
        if (link.projectCircleId && card.get("projectCircleId") !== link.projectCircleId)
          setCardField(doc, link.cardId, "projectCircleId", link.projectCircleId);
        if (link.projectDocumentId && card.get("projectDocumentId") !== link.projectDocumentId)
          setCardField(doc, link.cardId, "projectDocumentId", link.projectDocumentId);
      }
    });
  }, [links.data, doc]);
}

function useSynced(provider: WebsocketProvider): boolean {
  const [synced, setSynced] = useState(provider.synced);
  useEffect(() => {
    const update = () => setSynced(provider.synced);
    provider.on("sync", update);
    return () => provider.off("sync", update);
  }, [provider]);
  return synced;
}

export function BoardView({
  ydoc,
  provider,
  editable,
  boardId,
  poleId,
}: {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  editable: boolean;
  boardId: string;
  poleId: string;
}) {
  const { t } = useTranslation("boards");
  const board = useBoard(ydoc);
  const [view, setView] = useState<View>("kanban");
  const [openId, setOpenId] = useState<string | null>(null);
  const [managing, setManaging] = useState(false);
  const looking = useAwareness(provider, readLooking);
  const circles = useCircles(poleId);
  const synced = useSynced(provider);
  useLinkRepair(ydoc, boardId, editable, synced);

  useEffect(() => {
    provider.awareness.setLocalStateField("boardCard", openId);
  }, [provider, openId]);
  useEffect(() => () => provider.awareness.setLocalStateField("boardCard", null), [provider]);

  const viewers = useMemo(() => {
    const map = new Map<string, Viewer[]>();
    for (const person of looking) {
      if (person.self) continue;
      const list = map.get(person.cardId) ?? [];
      if (!list.some((v) => v.name === person.name && v.color === person.color)) list.push(person);
      map.set(person.cardId, list);
    }
    return map;
  }, [looking]);

  // A search hit opens the board at its card (`?card=ID`), once the card has arrived.
  const [params] = useSearchParams();
  const foundCard = params.get("card");
  const foundArrived = foundCard !== null && board.byId.has(foundCard);
  useEffect(() => {
    if (foundCard && foundArrived) setOpenId(foundCard);
  }, [foundCard, foundArrived]);

  const onOpen = useCallback((cardId: string) => setOpenId(cardId), []);
  const openCard = openId ? board.byId.get(openId) : undefined;
  const groupName = openCard?.projectCircleId
    ? circles.data?.find((circle) => circle.id === openCard.projectCircleId)?.name
    : undefined;
  const others = looking.filter((person) => !person.self && board.byId.has(person.cardId));

  return (
    <div className="board">
      <SearchWithin poleId={poleId} documentId={boardId} />
      <div className="board__toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t("board.views")}</legend>
          {(["kanban", "table"] as const).map((option) => (
            <button
              key={option}
              type="button"
              className="segmented__option"
              aria-pressed={view === option}
              onClick={() => setView(option)}
            >
              {t(`board.${option}`)}
            </button>
          ))}
        </fieldset>
        <div className="board__links">
          {editable ? (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-expanded={managing}
              onClick={() => setManaging((value) => !value)}
            >
              {t("board.manageColumns")}
            </button>
          ) : null}
          <Link to={`/p/${poleId}/portfolio`} className="button button--ghost button--small">
            {t("board.portfolioLink")}
          </Link>
        </div>
      </div>

      {others.length > 0 ? (
        <section className="board-presence" aria-labelledby="board-presence-title">
          <h2 id="board-presence-title" className="visually-hidden">
            {t("presence.title")}
          </h2>
          <ul className="board-presence__list">
            {others.map((person) => (
              <li key={person.clientId}>
                <span
                  className="avatar avatar--small"
                  style={{ backgroundColor: person.color }}
                  aria-hidden="true"
                />
                {t("presence.looking", {
                  name: person.name,
                  card: board.byId.get(person.cardId)?.title ?? "",
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {managing && editable ? (
        <ColumnManager doc={ydoc} board={board} onDone={() => setManaging(false)} />
      ) : null}

      {board.columns.length === 0 ? (
        <div className="panel">
          <p>{t("board.noColumns")}</p>
          {editable ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => seedColumns(ydoc)}
            >
              {t("board.seedColumns")}
            </button>
          ) : null}
        </div>
      ) : (
        <>
          <h2 className="visually-hidden">{t("board.title")}</h2>
          {editable ? <NewCardForm doc={ydoc} board={board} /> : null}
          {view === "kanban" ? (
            <Kanban
              doc={ydoc}
              board={board}
              editable={editable}
              viewers={viewers}
              onOpen={onOpen}
            />
          ) : (
            <CardTable board={board} onOpen={onOpen} />
          )}
        </>
      )}

      {openId ? (
        <CardDialog
          doc={ydoc}
          card={openCard}
          columns={board.columns}
          columnId={openCard ? effectiveColumn(board.columns, openCard) : undefined}
          editable={editable}
          boardId={boardId}
          poleId={poleId}
          groupName={groupName}
          onClose={() => setOpenId(null)}
        />
      ) : null}
      <h2 className="board__notes">{t("board.notes")}</h2>
    </div>
  );
}

function NewCardForm({ doc, board }: { doc: Y.Doc; board: ReturnType<typeof useBoard> }) {
  const { t } = useTranslation("boards");
  const [title, setTitle] = useState("");
  const [columnId, setColumnId] = useState("");
  const [error, setError] = useState<string | undefined>();
  const column = board.columns.some((c) => c.id === columnId) ? columnId : board.columns[0]?.id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(t("board.cardTitleRequired"));
      return;
    }
    if (!column) return;
    addCard(doc, { title: title.trim().slice(0, 200), columnId: column });
    setTitle("");
    setError(undefined);
  };

  return (
    <form
      className="form__row board__new"
      onSubmit={submit}
      noValidate
      aria-label={t("board.addCard")}
    >
      <TextField
        label={t("board.newCardTitle")}
        value={title}
        error={error}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
      />
      <SelectField
        label={t("board.newCardColumn")}
        value={column ?? ""}
        onChange={(event) => setColumnId(event.target.value)}
      >
        {board.columns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--primary">
        <PlusIcon />
        {t("board.addCard")}
      </button>
    </form>
  );
}
