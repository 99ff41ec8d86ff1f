/**
 * The board as columns of cards. Cards move with the mouse, a finger or the keyboard
 * (dnd-kit's KeyboardSensor, with French announcements for screen readers); the move is
 * written to the Y.Doc once, on drop, as one transaction (shared/board-doc.ts moveCard).
 */
import {
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { moveCard } from "../../../shared/board-doc";
import type { Card, Column } from "../../../shared/boards";
import { CardFace, type Viewer } from "./CardFace";
import type { BoardState } from "./useBoard";
import "./strings";

const COLUMN = "column:";
type Layout = Record<string, string[]>;

const layoutOf = (board: BoardState): Layout =>
  Object.fromEntries(
    board.columns.map((c) => [c.id, (board.groups.get(c.id) ?? []).map((x) => x.id)]),
  );

function containerOf(layout: Layout, id: UniqueIdentifier): string | undefined {
  const key = String(id);
  if (key.startsWith(COLUMN)) return key.slice(COLUMN.length);
  return Object.keys(layout).find((column) => layout[column].includes(key));
}

export function Kanban({
  doc,
  board,
  editable,
  viewers,
  onOpen,
}: {
  doc: Y.Doc;
  board: BoardState;
  editable: boolean;
  viewers: ReadonlyMap<string, Viewer[]>;
  onOpen(cardId: string): void;
}) {
  const { t } = useTranslation("boards");
  const scrollHintId = useId();
  const [preview, setPreview] = useState<Layout | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const layout = useMemo(() => preview ?? layoutOf(board), [preview, board]);
  const columnTitle = (id: string | undefined) =>
    board.columns.find((column) => column.id === id)?.title ?? "";
  const titleOf = (id: UniqueIdentifier) => board.byId.get(String(id))?.title ?? "";

  /** Where a card would land, in words: column, position, count. */
  const place = (id: UniqueIdentifier, overId: UniqueIdentifier | undefined) => {
    const column = overId === undefined ? containerOf(layout, id) : containerOf(layout, overId);
    const list = column ? layout[column] : [];
    const index =
      overId !== undefined && !String(overId).startsWith(COLUMN)
        ? list.indexOf(String(overId))
        : list.indexOf(String(id));
    return {
      title: titleOf(id),
      column: columnTitle(column),
      position: (index < 0 ? list.length : index) + 1,
      total: Math.max(list.length, 1),
    };
  };

  const announcements = {
    onDragStart: ({ active }: { active: { id: UniqueIdentifier } }) =>
      t("dnd.picked", place(active.id, undefined)),
    onDragOver: ({
      active,
      over,
    }: {
      active: { id: UniqueIdentifier };
      over: { id: UniqueIdentifier } | null;
    }) => (over ? t("dnd.over", place(active.id, over.id)) : undefined),
    onDragEnd: ({
      active,
      over,
    }: {
      active: { id: UniqueIdentifier };
      over: { id: UniqueIdentifier } | null;
    }) =>
      over
        ? t("dnd.dropped", place(active.id, over.id))
        : t("dnd.cancelled", { title: titleOf(active.id) }),
    onDragCancel: ({ active }: { active: { id: UniqueIdentifier } }) =>
      t("dnd.cancelled", { title: titleOf(active.id) }),
  };

  // No preview yet: until the card leaves its column, every column keeps its arrays and
  // none of them renders again.
  const onDragStart = ({ active }: DragStartEvent) => setActiveId(String(active.id));

  // Between columns, the card follows the pointer at once so the target column opens a gap.
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    setPreview((current) => {
      const base = current ?? layoutOf(board);
      const from = containerOf(base, active.id);
      const to = containerOf(base, over.id);
      if (!from || !to || from === to) return current;
      const id = String(active.id);
      const target = base[to].filter((x) => x !== id);
      const overIndex = target.indexOf(String(over.id));
      target.splice(overIndex < 0 ? target.length : overIndex, 0, id);
      return { ...base, [from]: base[from].filter((x) => x !== id), [to]: target };
    });
  };

  const finish = () => {
    setActiveId(null);
    setPreview(null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const current = preview ?? layoutOf(board);
    const id = String(active.id);
    const to = over ? containerOf(current, over.id) : undefined;
    if (!over || !to) return finish();
    let list = current[to];
    const from = list.indexOf(id);
    const overIndex = list.indexOf(String(over.id));
    if (from >= 0 && overIndex >= 0 && from !== overIndex) list = arrayMove(list, from, overIndex);
    const index = list.indexOf(id);
    const card = board.byId.get(id);
    const before = card ? (board.groups.get(card.columnId) ?? []).map((x) => x.id) : [];
    const unchanged = card?.columnId === to && before.indexOf(id) === index;
    if (index >= 0 && !unchanged) moveCard(doc, id, to, index);
    finish();
  };

  const active = activeId ? board.byId.get(activeId) : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={finish}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t("dnd.instructions") },
      }}
    >
      <p id={scrollHintId} className="muted small kanban__hint">
        {t("board.scrollHint")}
      </p>
      <section
        className="kanban"
        aria-label={t("board.columnsLabel")}
        aria-describedby={scrollHintId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the columns scroll sideways; focused, the arrow keys scroll them
        tabIndex={0}
      >
        {board.columns.map((column) => (
          <KanbanColumn
            key={column.id}
            column={column}
            ids={layout[column.id] ?? []}
            cards={board.byId}
            editable={editable}
            viewers={viewers}
            activeId={activeId}
            onOpen={onOpen}
          />
        ))}
      </section>
      <DragOverlay dropAnimation={null}>
        {active ? (
          <div className="board-card board-card--overlay">
            <CardFace card={active} viewers={[]} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

/** Same cards in the same order: the column need not render again. */
const sameColumn = (a: ColumnProps, b: ColumnProps) =>
  a.column === b.column &&
  a.ids.join() === b.ids.join() &&
  a.ids.every((id) => a.cards.get(id) === b.cards.get(id)) &&
  a.editable === b.editable &&
  a.viewers === b.viewers &&
  (a.activeId === b.activeId ||
    (!a.ids.includes(a.activeId ?? "") && !b.ids.includes(b.activeId ?? ""))) &&
  a.onOpen === b.onOpen;

interface ColumnProps {
  column: Column;
  ids: string[];
  cards: ReadonlyMap<string, Card>;
  editable: boolean;
  viewers: ReadonlyMap<string, Viewer[]>;
  activeId: string | null;
  onOpen(cardId: string): void;
}

const KanbanColumn = memo(function KanbanColumn({
  column,
  ids,
  cards,
  editable,
  viewers,
  activeId,
  onOpen,
}: ColumnProps) {
  const { t } = useTranslation("boards");
  const { setNodeRef } = useDroppable({ id: `${COLUMN}${column.id}`, disabled: !editable });
  const headingId = `column-${column.id}`;
  return (
    <section className="kanban__column" aria-labelledby={headingId} data-column={column.id}>
      <h3 id={headingId} className="kanban__title">
        {column.title}
        <span className="kanban__count">{t("board.count", { count: ids.length })}</span>
      </h3>
      <SortableContext id={column.id} items={ids} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="kanban__list">
          {ids.map((id) => {
            const card = cards.get(id);
            return card ? (
              <SortableCard
                key={id}
                card={card}
                editable={editable}
                viewers={viewers.get(id) ?? noViewers}
                dragging={activeId === id}
                onOpen={onOpen}
              />
            ) : null;
          })}
          {ids.length === 0 ? <li className="kanban__empty">{t("board.empty")}</li> : null}
        </ul>
      </SortableContext>
    </section>
  );
}, sameColumn);

const noViewers: Viewer[] = [];

/*
 * dnd-kit animates a card from the place it was last measured, which for a board others
 * rearrange is a stale place: at the next drag start the cards slid in from there and were
 * measured mid-slide, so the first arrow key could aim at the wrong card.
 */
const noLayoutAnimation = () => false;

const SortableCard = memo(function SortableCard({
  card,
  editable,
  viewers,
  dragging,
  onOpen,
}: {
  card: Card;
  editable: boolean;
  viewers: Viewer[];
  dragging: boolean;
  onOpen(cardId: string): void;
}) {
  const { t } = useTranslation("boards");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } =
    useSortable({ id: card.id, disabled: !editable, animateLayoutChanges: noLayoutAnimation });
  return (
    <li
      ref={setNodeRef}
      className={dragging ? "board-card board-card--placeholder" : "board-card"}
      data-card={card.id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {editable ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="board-card__handle"
          aria-label={t("board.move", { title: card.title })}
          {...attributes}
          {...listeners}
        >
          <svg viewBox="0 0 12 20" aria-hidden="true" focusable="false">
            <circle cx="3" cy="4" r="1.5" />
            <circle cx="9" cy="4" r="1.5" />
            <circle cx="3" cy="10" r="1.5" />
            <circle cx="9" cy="10" r="1.5" />
            <circle cx="3" cy="16" r="1.5" />
            <circle cx="9" cy="16" r="1.5" />
          </svg>
        </button>
      ) : null}
      <CardFace card={card} viewers={viewers} onOpen={onOpen} />
    </li>
  );
});
