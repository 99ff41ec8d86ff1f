/**
 * Two people present in a document never share a colour. Each person starts with their
 * usual colour (colorFor, from their id); when another person present has it too, the one
 * with the larger awareness client id takes the first colour nobody else present uses.
 * Every client applies the same rule to the same states, so they settle on distinct
 * colours, and everyone sees each person in the colour that person announces.
 */
import type { Awareness } from "y-protocols/awareness";
import { readUser } from "./awareness";
import { palette } from "./color";

export interface PresentColor {
  clientId: number;
  /** The person (the server sets it from the session: one name per person). */
  name: string;
  color: string;
}

/** The colour `own` should show, given the others present. */
export function distinctColor(own: PresentColor, others: readonly PresentColor[]): string {
  const people = others.filter((other) => other.name !== own.name);
  const clash = people.filter((other) => other.color === own.color);
  if (clash.every((other) => other.clientId > own.clientId)) return own.color;
  const taken = new Set(people.map((other) => other.color));
  return palette.find((color) => !taken.has(color)) ?? own.color;
}

/** Follows the document's presence and moves this client's colour when it clashes. */
export function keepColorDistinct(awareness: Awareness): () => void {
  const check = () => {
    const own = readUser(awareness.getLocalState());
    if (!own) return;
    const others: PresentColor[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const user = clientId === awareness.clientID ? null : readUser(state);
      if (user) others.push({ clientId, ...user });
    }
    const color = distinctColor({ clientId: awareness.clientID, ...own }, others);
    if (color !== own.color) awareness.setLocalStateField("user", { ...own, color });
  };
  awareness.on("change", check);
  return () => awareness.off("change", check);
}
