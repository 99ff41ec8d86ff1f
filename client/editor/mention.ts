/**
 * The rich text's mention node (`@` then a name): it carries the person's id and a `uid`
 * of its own, drawn when it is typed, so that the server notifies each mention once
 * (server/domain/notifications/mentions.ts). Without a source of people (the diff view),
 * the node only renders.
 */
import Mention from "@tiptap/extension-mention";
import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";
import { MENTION_NODE } from "../../shared/notifications";

export interface Mentionable {
  id: string;
  name: string;
  /** Whether they can read this document: if not, the writer is warned. */
  canRead: boolean;
}

export interface MentionSource {
  search(query: string): Promise<Mentionable[]>;
  /** A person was just mentioned (the editor warns when they cannot read the document). */
  mentioned(person: Mentionable): void;
  /** The list's words: its name, when nobody matches, and the mark of a non-reader. */
  words: { list: string; none: string; cannotRead: string };
}

interface Picked {
  id: string;
  label: string;
  uid: string;
}

const MAX_SHOWN = 8;
const LIST_ID = "mention-list";

/**
 * The editor points at the list and its highlighted option, so that screen readers say
 * which person Enter would pick while the focus stays in the text.
 */
function point(editorDom: HTMLElement | null, activeId: string | null) {
  if (!editorDom) return;
  if (activeId === null) {
    editorDom.removeAttribute("aria-controls");
    editorDom.removeAttribute("aria-activedescendant");
    return;
  }
  editorDom.setAttribute("aria-controls", LIST_ID);
  editorDom.setAttribute("aria-activedescendant", activeId);
}

/** The list under the caret: arrows move, Enter or Tab picks, Escape closes. */
function suggestionList(source: MentionSource) {
  let root: HTMLUListElement | null = null;
  let items: Mentionable[] = [];
  let active = 0;
  let pick: ((person: Mentionable) => void) | null = null;
  let editorDom: HTMLElement | null = null;

  const close = () => {
    point(editorDom, null);
    root?.remove();
    root = null;
  };

  const draw = () => {
    if (!root) return;
    point(editorDom, items.length > 0 ? `mention-option-${active}` : null);
    root.replaceChildren();
    if (items.length === 0) {
      const empty = document.createElement("li");
      empty.className = "mention-list__empty";
      empty.textContent = source.words.none;
      root.append(empty);
      return;
    }
    items.forEach((person, index) => {
      const option = document.createElement("li");
      option.id = `mention-option-${index}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", String(index === active));
      option.className = "mention-list__option";
      option.textContent = person.canRead
        ? person.name
        : `${person.name} (${source.words.cannotRead})`;
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        pick?.(person);
      });
      root?.append(option);
    });
  };

  const update = (props: SuggestionProps<Mentionable, Picked>) => {
    items = props.items.slice(0, MAX_SHOWN);
    active = Math.min(active, Math.max(0, items.length - 1));
    pick = (person) => {
      props.command({ id: person.id, label: person.name, uid: crypto.randomUUID() });
      source.mentioned(person);
    };
    draw();
    const rect = props.clientRect?.();
    if (root && rect) {
      root.style.left = `${rect.left + window.scrollX}px`;
      root.style.top = `${rect.bottom + window.scrollY + 4}px`;
    }
  };

  return {
    onStart(props: SuggestionProps<Mentionable, Picked>) {
      editorDom = props.editor.view.dom;
      root = document.createElement("ul");
      root.id = LIST_ID;
      root.className = "mention-list";
      root.setAttribute("role", "listbox");
      root.setAttribute("aria-label", source.words.list);
      document.body.append(root);
      active = 0;
      update(props);
    },
    onUpdate: update,
    onKeyDown({ event }: SuggestionKeyDownProps) {
      if (event.key === "Escape") {
        close();
        return true;
      }
      if (!root || items.length === 0) return false;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const step = event.key === "ArrowDown" ? 1 : items.length - 1;
        active = (active + step) % items.length;
        draw();
        return true;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        const person = items[active];
        if (person) pick?.(person);
        return true;
      }
      return false;
    },
    onExit: close,
  };
}

export function mentionNode(source?: MentionSource) {
  return Mention.extend({
    name: MENTION_NODE,
    addAttributes() {
      return {
        ...this.parent?.(),
        uid: {
          default: null,
          parseHTML: (element: HTMLElement) => element.getAttribute("data-uid"),
          renderHTML: (attributes: { uid?: string | null }) =>
            attributes.uid ? { "data-uid": attributes.uid } : {},
        },
      };
    },
  }).configure({
    HTMLAttributes: { class: "mention" },
    suggestion: {
      char: "@",
      allowSpaces: true,
      items: ({ query }: { query: string }) => (source ? source.search(query) : []),
      render: () => (source ? suggestionList(source) : {}),
    },
  });
}
