/**
 * Reading the awareness states of a document's other clients: who they are (`user`, set by
 * lib/sync.ts) and a hook that follows the states as they change.
 */
import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";

export interface AwarenessUser {
  name: string;
  color: string;
}

const COLOR = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOR = "#d0d7de";

/** The `user` field of a state, checked: other clients may send anything. */
export function readUser(state: unknown): AwarenessUser | null {
  if (typeof state !== "object" || state === null || !("user" in state)) return null;
  const user = state.user;
  if (typeof user !== "object" || user === null) return null;
  if (!("name" in user) || typeof user.name !== "string") return null;
  const color =
    "color" in user && typeof user.color === "string" && COLOR.test(user.color)
      ? user.color
      : FALLBACK_COLOR;
  return { name: user.name.slice(0, 80), color };
}

/** What `read` makes of the provider's awareness states, kept up to date. */
export function useAwareness<T>(
  provider: WebsocketProvider,
  read: (provider: WebsocketProvider) => T,
): T {
  const [value, setValue] = useState(() => read(provider));
  useEffect(() => {
    const update = () => setValue(read(provider));
    update();
    provider.awareness.on("change", update);
    return () => provider.awareness.off("change", update);
  }, [provider, read]);
  return value;
}
