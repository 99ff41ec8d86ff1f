/**
 * The comment box with `@` mentions: typing `@` offers the pôle's people (the editor's own
 * list, client/ui/people-list.ts), picking one writes `@Name` in the text and keeps their
 * id. The comment is plain text: a mention stays `@Name`, and the ids go beside it.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Mentionable } from "../../../shared/api/notifications";
import { TextAreaField } from "../../ui/kit";
import { matchPeople, openPeopleList, type PeopleList } from "../../ui/people-list";
import { useMentionable } from "../notifications/queries";
import "./strings";

/** What is being written (from `initial`, a comment being edited): the text and the people picked in it. */
export function useMentionDraft(initial = "") {
  const [text, setText] = useState(initial);
  const [picked, setPicked] = useState<Mentionable[]>([]);
  // A person counts while their `@Name` is still in the text.
  const kept = picked.filter((person) => text.includes(`@${person.name}`));
  return {
    text,
    setText,
    add: (person: Mentionable) => setPicked((list) => [...list, person]),
    reset: () => {
      setText("");
      setPicked([]);
    },
    mentions: [...new Set(kept.map((person) => person.id))],
    unreadable: [...new Set(kept.filter((person) => !person.canRead).map((p) => p.name))],
  };
}
export type MentionDraft = ReturnType<typeof useMentionDraft>;

/** The `@` being typed before the caret (at the start or after a space), if any. */
function mentionAt(text: string, caret: number): { at: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && !/\s/.test(before.charAt(at - 1)))) return null;
  const query = before.slice(at + 1);
  return query.length > 40 || /[\n@]/.test(query) ? null : { at, query };
}

export function MentionField({
  documentId,
  draft,
  label,
  rows,
  autoFocus,
}: {
  documentId: string;
  draft: MentionDraft;
  label: string;
  rows?: number;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation("comments");
  const people = useMentionable(documentId, true).data ?? [];
  const area = useRef<HTMLTextAreaElement>(null);
  const list = useRef<PeopleList | null>(null);
  // The `@` answered (picked or dismissed with Escape): it offers nothing more.
  const settled = useRef<number | null>(null);

  const close = () => list.current?.close();
  // The list lives in the page's body: it goes with the field.
  useEffect(() => () => list.current?.close(), []);

  const pick = (person: Mentionable, at: number) => {
    const field = area.current;
    if (!field) return;
    const written = `@${person.name} `;
    const text = field.value.slice(0, at) + written + field.value.slice(field.selectionStart);
    settled.current = at;
    close();
    draft.setText(text);
    draft.add(person);
    requestAnimationFrame(() => field.setSelectionRange(at + written.length, at + written.length));
  };

  /**
   * Opens, refreshes or closes the list after each change of the text or of the caret (the
   * field already holds the new text when React tells of the change).
   */
  const follow = () => {
    const field = area.current;
    if (!field) return;
    const typed = mentionAt(field.value, field.selectionStart);
    if (typed?.query === "") settled.current = null;
    const found = typed ? matchPeople(people, typed.query) : [];
    // With spaces allowed in names, the query ends when no name holds it any more.
    if (!typed || typed.at === settled.current || (found.length === 0 && /\s/.test(typed.query))) {
      close();
      return;
    }
    if (!list.current) {
      list.current = openPeopleList(
        field,
        { list: t("mention.list"), none: t("mention.none"), cannotRead: t("mention.cannotRead") },
        (person) => pick(person, typed.at),
        () => {
          list.current = null;
        },
      );
    }
    const box = field.getBoundingClientRect();
    list.current.show(found, { left: box.left, top: box.bottom });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const current = list.current;
    if (!current) return;
    if (event.key === "Escape") {
      settled.current =
        mentionAt(event.currentTarget.value, event.currentTarget.selectionStart)?.at ?? null;
    }
    if (current.key(event)) event.preventDefault();
  };

  return (
    <>
      <TextAreaField
        ref={area}
        label={label}
        hint={tc("mention.hint")}
        value={draft.text}
        onChange={(text) => {
          draft.setText(text);
          follow();
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (event.key === "ArrowLeft" || event.key === "ArrowRight") follow();
        }}
        onClick={follow}
        onBlur={close}
        rows={rows}
        autoFocus={autoFocus}
      />
      <MentionWarnings lines={draft.unreadable.map((name) => tc("mention.cannotRead", { name }))} />
    </>
  );
}

/** Who will not see the comment: before sending (from the list), and after (the server's). */
export function MentionWarnings({ lines }: { lines: readonly string[] }) {
  return (
    <p role="status" className={lines.length > 0 ? "comments__warning" : "visually-hidden"}>
      {lines.join(" ")}
    </p>
  );
}
