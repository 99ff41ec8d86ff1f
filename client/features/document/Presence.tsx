/** Who else has the document open, from the awareness states (`user: { name, color }`). */
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import { readUser, useAwareness } from "../../lib/awareness";
import { initials } from "../../lib/color";

interface Present {
  key: string;
  name: string;
  color: string;
  self: boolean;
}

function collect(provider: WebsocketProvider): Present[] {
  const self = provider.awareness.clientID;
  const seen = new Map<string, Present>();
  for (const [clientId, state] of provider.awareness.getStates()) {
    const user = readUser(state);
    if (!user?.name) continue;
    // One entry per person even with several tabs open.
    const key = `${user.name}\u0000${user.color}`;
    const existing = seen.get(key);
    if (existing) existing.self ||= clientId === self;
    else seen.set(key, { key, ...user, self: clientId === self });
  }
  return [...seen.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name),
  );
}

export function PresenceList({ provider }: { provider: WebsocketProvider }) {
  const { t } = useTranslation();
  const people = useAwareness(provider, collect);

  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="visually-hidden">
        {t("presence.title")}
      </h2>
      <p className="visually-hidden">{t("presence.count", { count: people.length })}</p>
      <ul className="presence__list">
        {people.map((person) => {
          const name = person.self ? t("presence.you", { name: person.name }) : person.name;
          return (
            <li key={person.key} className="presence__person" title={name}>
              <span className="avatar" style={{ backgroundColor: person.color }} aria-hidden="true">
                {initials(person.name)}
              </span>
              <span className="presence__name">{name}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
