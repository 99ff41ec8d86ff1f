/**
 * Running a meeting: the timer of its agenda items and what an item may point to. The
 * timer's rules are pure so that the server applies them and the tests check them alone;
 * the client only counts the seconds since the server's answer.
 */

/** What an agenda item may point to: a need of the diagnostic, a board card, an amendment. */
export const itemLinkKinds = ["need", "card", "amendment"] as const;
export type ItemLinkKind = (typeof itemLinkKinds)[number];

export const timerActions = ["start", "pause", "next"] as const;
export type TimerAction = (typeof timerActions)[number];

/** The timer as stored: the item under discussion, since when it runs, what each item took. */
export interface TimerState {
  itemId: string;
  /** Null while paused. */
  runningSince: number | null;
  /** Milliseconds banked per item (the running stretch not included). */
  banked: Readonly<Record<string, number>>;
}

export type TimerStep =
  | { action: "start"; itemId?: string }
  | { action: "pause" }
  | { action: "next" };

/** Why a step cannot be taken, in the words shown to the facilitator. */
export type TimerRefusal = { refused: "invalid" | "conflict" | "unknown_item"; message: string };

/** Adds the running stretch to the current item's banked time. */
function bank(state: TimerState, now: number): TimerState {
  if (state.runningSince === null) return state;
  const spent = Math.max(0, now - state.runningSince);
  return {
    itemId: state.itemId,
    runningSince: null,
    banked: { ...state.banked, [state.itemId]: (state.banked[state.itemId] ?? 0) + spent },
  };
}

/**
 * The timer after one step. `agenda` lists the item ids in order. Starting names an item or
 * resumes the current one (the first when none); moving on banks the current item and runs
 * the next; pausing banks the running stretch.
 */
export function stepTimer(
  state: TimerState | null,
  step: TimerStep,
  agenda: readonly string[],
  now: number,
): TimerState | TimerRefusal {
  if (agenda.length === 0) {
    return { refused: "invalid", message: "L'ordre du jour est vide : ajoutez d'abord un point." };
  }
  const current = state && agenda.includes(state.itemId) ? state : null;
  switch (step.action) {
    case "start": {
      const itemId = step.itemId ?? current?.itemId ?? agenda[0];
      if (!agenda.includes(itemId)) {
        return { refused: "unknown_item", message: "Ce point n'est pas à l'ordre du jour." };
      }
      const banked = current ? bank(current, now).banked : (state?.banked ?? {});
      return { itemId, runningSince: now, banked };
    }
    case "pause":
      if (!current || current.runningSince === null) {
        return { refused: "conflict", message: "Le minuteur n'est pas lancé." };
      }
      return bank(current, now);
    case "next": {
      if (!current) {
        return { refused: "conflict", message: "Lancez d'abord le minuteur sur un point." };
      }
      const next = agenda[agenda.indexOf(current.itemId) + 1];
      if (!next) {
        return { refused: "conflict", message: "C'est le dernier point de l'ordre du jour." };
      }
      return { itemId: next, runningSince: now, banked: bank(current, now).banked };
    }
  }
}

/** Milliseconds an item has taken at `now`, its running stretch included. */
export function elapsedOn(state: TimerState, itemId: string, now: number): number {
  const banked = state.banked[itemId] ?? 0;
  return state.itemId === itemId && state.runningSince !== null
    ? banked + Math.max(0, now - state.runningSince)
    : banked;
}

/** "4:05", "1:02:09": minutes and seconds, hours when there are. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** How far past its planned length an item is, in ms; 0 while within it or without one. */
export function overtime(elapsedMs: number, durationMinutes: number | null): number {
  if (durationMinutes === null) return 0;
  return Math.max(0, elapsedMs - durationMinutes * 60_000);
}
