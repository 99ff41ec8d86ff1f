/**
 * The board as React state, following the Y.Doc. Only the cards that changed are read
 * again (a move touches one card of 300), and changes arriving in a burst are applied
 * once per animation frame.
 */
import { useEffect, useState } from "react";
import * as Y from "yjs";
import {
  cardsOf,
  columnsOf,
  groupByColumn,
  readCard,
  readColumns,
} from "../../../shared/board-doc";
import type { Card, Column } from "../../../shared/boards";

export interface BoardState {
  columns: Column[];
  cards: Card[];
  /** Card ids per column id, in order. */
  groups: Map<string, Card[]>;
  byId: Map<string, Card>;
}

function snapshot(columns: Column[], byId: Map<string, Card>): BoardState {
  const cards = Array.from(byId.values());
  return { columns, cards, groups: groupByColumn(columns, cards), byId: new Map(byId) };
}

export function useBoard(doc: Y.Doc): BoardState {
  const [state, setState] = useState<BoardState>(() => {
    const byId = new Map<string, Card>();
    for (const [id, map] of cardsOf(doc)) if (map instanceof Y.Map) byId.set(id, readCard(id, map));
    return snapshot(readColumns(doc), byId);
  });

  useEffect(() => {
    const cards = cardsOf(doc);
    const columns = columnsOf(doc);
    const byId = new Map<string, Card>();
    const dirty = new Set<string>();
    let allDirty = true;
    let frame = 0;

    const flush = () => {
      frame = 0;
      const ids = allDirty ? Array.from(cards.keys()) : Array.from(dirty);
      if (allDirty) byId.clear();
      for (const id of ids) {
        const map = cards.get(id);
        if (map instanceof Y.Map) byId.set(id, readCard(id, map));
        else byId.delete(id);
      }
      dirty.clear();
      allDirty = false;
      setState(snapshot(readColumns(doc), byId));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(flush);
    };
    const onCards = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const event of events) {
        if (event.target === cards) {
          for (const key of (event as Y.YMapEvent<unknown>).keysChanged) dirty.add(key);
        } else if (typeof event.path[0] === "string") {
          dirty.add(event.path[0]);
        }
      }
      schedule();
    };
    cards.observeDeep(onCards);
    columns.observeDeep(schedule);
    flush();
    return () => {
      cards.unobserveDeep(onCards);
      columns.unobserveDeep(schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc]);

  return state;
}
