/**
 * The list of people that `@` offers under the text being written: the rich text's mention
 * node and the comment box both open it. The focus stays in the text, which points at the
 * list and its highlighted option (aria-controls, aria-activedescendant), so that screen
 * readers say whom Enter would pick. Only one is open at a time: the text being written
 * has the focus.
 */
import type { Mentionable } from "../../shared/api/notifications";

export interface PeopleListWords {
  /** The list's name, what it says when nobody matches, and the mark of a non-reader. */
  list: string;
  none: string;
  cannotRead: string;
}

export interface PeopleList {
  /** Shows these people (the first few), under the point `at` of the page. */
  show(people: readonly Mentionable[], at: { left: number; top: number } | null): void;
  /** Arrows move, Enter or Tab picks, Escape closes: true when the key was the list's. */
  key(event: Pick<KeyboardEvent, "key">): boolean;
  close(): void;
}

const MAX_SHOWN = 8;
const LIST_ID = "mention-list";
const optionId = (index: number) => `mention-option-${index}`;

/** Names compared without case nor accents: "lea" finds "Léa". */
const folded = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** The people whose name holds `query`. */
export const matchPeople = (people: readonly Mentionable[], query: string) =>
  people.filter((person) => folded(person.name).includes(folded(query)));

/** Opens the list for the text `owner`; `onPick` hears the chosen person, `onClose` the end. */
export function openPeopleList(
  owner: HTMLElement,
  words: PeopleListWords,
  onPick: (person: Mentionable) => void,
  onClose: () => void = () => {},
): PeopleList {
  const root = document.createElement("ul");
  root.id = LIST_ID;
  root.className = "mention-list";
  root.setAttribute("role", "listbox");
  root.setAttribute("aria-label", words.list);
  document.body.append(root);
  owner.setAttribute("aria-controls", LIST_ID);
  let items: Mentionable[] = [];
  let active = 0;
  let open = true;

  const draw = () => {
    if (items.length > 0) owner.setAttribute("aria-activedescendant", optionId(active));
    else owner.removeAttribute("aria-activedescendant");
    root.replaceChildren();
    if (items.length === 0) {
      const empty = document.createElement("li");
      empty.className = "mention-list__empty";
      empty.textContent = words.none;
      root.append(empty);
      return;
    }
    items.forEach((person, index) => {
      const option = document.createElement("li");
      option.id = optionId(index);
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", String(index === active));
      option.className = "mention-list__option";
      option.textContent = person.canRead ? person.name : `${person.name} (${words.cannotRead})`;
      // mousedown, not click: the text keeps the focus (and its caret).
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        onPick(person);
      });
      root.append(option);
    });
  };

  const close = () => {
    if (!open) return;
    open = false;
    owner.removeAttribute("aria-controls");
    owner.removeAttribute("aria-activedescendant");
    root.remove();
    onClose();
  };

  return {
    show(people, at) {
      items = people.slice(0, MAX_SHOWN);
      active = Math.min(active, Math.max(0, items.length - 1));
      draw();
      if (at) {
        // Kept inside a narrow screen: the list is at most 20rem wide (editor.css).
        const width = root.offsetWidth;
        const left = Math.max(4, Math.min(at.left, window.innerWidth - width - 4));
        root.style.left = `${left + window.scrollX}px`;
        root.style.top = `${at.top + window.scrollY + 4}px`;
      }
    },
    key(event) {
      if (!open) return false;
      if (event.key === "Escape") {
        close();
        return true;
      }
      if (items.length === 0) return false;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const step = event.key === "ArrowDown" ? 1 : items.length - 1;
        active = (active + step) % items.length;
        draw();
        return true;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        const person = items[active];
        if (person) onPick(person);
        return true;
      }
      return false;
    },
    close,
  };
}
