/**
 * The rich text's mention node (`@` then a name): it carries the person's id and a `uid`
 * of its own, drawn when it is typed, so that the server notifies each mention once
 * (server/domain/notifications/mentions.ts). Without a source of people (the diff view),
 * the node only renders.
 */
import Mention from "@tiptap/extension-mention";
import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";
import type { Mentionable } from "../../shared/api/notifications";
import { MENTION_NODE } from "../../shared/notifications";
import { openPeopleList, type PeopleList, type PeopleListWords } from "../ui/people-list";

export interface MentionSource {
  search(query: string): Promise<Mentionable[]>;
  /** A person was just mentioned (the editor warns when they cannot read the document). */
  mentioned(person: Mentionable): void;
  words: PeopleListWords;
}

interface Picked {
  id: string;
  label: string;
  uid: string;
}

/** The people list under the caret, fed by Tiptap's suggestion as the query changes. */
function suggestionList(source: MentionSource) {
  let list: PeopleList | null = null;
  let pick: (person: Mentionable) => void = () => {};

  const update = (props: SuggestionProps<Mentionable, Picked>) => {
    pick = (person) => {
      props.command({ id: person.id, label: person.name, uid: crypto.randomUUID() });
      source.mentioned(person);
    };
    const rect = props.clientRect?.();
    list?.show(props.items, rect ? { left: rect.left, top: rect.bottom } : null);
  };

  return {
    onStart(props: SuggestionProps<Mentionable, Picked>) {
      list = openPeopleList(props.editor.view.dom, source.words, (person) => pick(person));
      update(props);
    },
    onUpdate: update,
    onKeyDown: ({ event }: SuggestionKeyDownProps) => list?.key(event) ?? false,
    onExit() {
      list?.close();
      list = null;
    },
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
