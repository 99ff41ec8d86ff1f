/**
 * The threads of the open document, beside its text (below it on a narrow screen): open,
 * resolved or detached ones, the comment being started, and the highlight of the thread
 * in focus in the text.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ThreadView } from "../../../shared/api/comments";
import { useProblem } from "../../lib/errors";
import { FormError } from "../../ui/kit";
import { useComments } from "./CommentsContext";
import { MentionField, MentionWarnings, useMentionDraft } from "./MentionField";
import { useCreateThread } from "./queries";
import { ThreadCard } from "./ThreadCard";
import "./comments.css";
import "./strings";

const filters = ["open", "resolved", "detached"] as const;
type Filter = (typeof filters)[number];

const shows = (filter: Filter) => (thread: ThreadView) =>
  filter === "detached" ? thread.detached && thread.state === "open" : thread.state === filter;

/** Thread ids are the server's UUIDs; anything else never reaches a style rule. */
const safeId = (id: string) => /^[\w-]+$/.test(id);

export function CommentsPanel() {
  const { t } = useTranslation("comments");
  const comments = useComments();
  const [filter, setFilter] = useState<Filter>("open");
  // The server's warnings on the last new thread, shown once its form has closed.
  const [warnings, setWarnings] = useState<string[]>([]);
  const revealed = comments?.revealed ?? 0;
  // Only open threads are highlighted in the text: reaching one from there shows them.
  useEffect(() => {
    if (revealed > 0) setFilter("open");
  }, [revealed]);
  const drafting = comments?.draft !== null;
  useEffect(() => {
    if (drafting) setWarnings([]);
  }, [drafting]);
  if (!comments) return null;
  const { list, activeId } = comments;
  const threads = list?.threads ?? [];
  const counts = {
    open: list?.counts.open ?? 0,
    resolved: list?.counts.resolved ?? 0,
    detached: list?.counts.detached ?? 0,
  };
  // Only this document's open threads are highlighted: a resolved one keeps its mark
  // unseen, and so does a mark that came from elsewhere (an adopted amendment's copy).
  const highlight = threads
    .filter((thread) => thread.state === "open" && safeId(thread.id))
    .map((thread) => {
      const colour = thread.id === activeId ? "--comment-active" : "--comment-mark";
      return `.comment-mark[data-thread-id="${thread.id}"]{background:var(${colour});border-bottom:2px solid var(--comment-mark-line);cursor:pointer}`;
    })
    .join("");

  return (
    <section className="comments" aria-labelledby="comments-title">
      <style>{highlight}</style>
      <h2 id="comments-title" className="comments__title">
        {t("panel.title")}
      </h2>
      {list?.canComment ? (
        <div className="comments__start">
          <button
            type="button"
            className="button button--primary button--small"
            aria-keyshortcuts="Control+Alt+M"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => comments.commentOnSelection()}
          >
            {t("start.button")}
          </button>
          <p className="comments__hint" role={comments.missingSelection ? "alert" : undefined}>
            {comments.missingSelection ? t("start.noSelection") : t("start.hint")}
          </p>
        </div>
      ) : list ? (
        <p className="comments__hint">{t("panel.readOnly")}</p>
      ) : null}
      {comments.draft ? <NewThread onPosted={setWarnings} /> : <MentionWarnings lines={warnings} />}
      <fieldset className="comments__filters">
        <legend>{t("panel.filters")}</legend>
        {filters.map((name) => (
          <button
            key={name}
            type="button"
            className="button button--ghost button--small"
            aria-pressed={filter === name}
            onClick={() => setFilter(name)}
          >
            {t(`panel.${name}`, { count: counts[name] })}
          </button>
        ))}
      </fieldset>
      {threads.filter(shows(filter)).length === 0 ? (
        <p className="comments__hint">{t("panel.none")}</p>
      ) : (
        <ol className="comments__list">
          {threads.filter(shows(filter)).map((thread) => (
            <li key={thread.id}>
              <ThreadCard
                thread={thread}
                active={thread.id === activeId}
                revealed={revealed}
                canComment={list?.canComment ?? false}
                onFocus={() => comments.focus(thread.id)}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function NewThread({ onPosted }: { onPosted(warnings: string[]): void }) {
  const { t } = useTranslation("comments");
  const comments = useComments();
  const draft = useMentionDraft();
  const create = useCreateThread(comments?.documentId ?? "");
  const problem = useProblem();
  const target = comments?.draft;
  if (!comments || !target) return null;
  const about =
    target.kind === "text"
      ? t("start.on", { quote: target.quote })
      : target.kind === "row"
        ? t("start.onRow")
        : t("start.onCard");
  return (
    <form
      className="comments__new"
      aria-label={t("start.title")}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { target, body: draft.text, mentions: draft.mentions },
          {
            onSuccess: ({ thread, warnings }) => {
              draft.reset();
              onPosted(warnings);
              comments.setDraft(null);
              comments.focus(thread.id);
            },
          },
        );
      }}
    >
      <p className="comments__about">{about}</p>
      <MentionField
        documentId={comments.documentId}
        draft={draft}
        label={t("start.label")}
        autoFocus
      />
      <button
        type="submit"
        className="button button--primary button--small"
        disabled={create.isPending || draft.text.trim() === ""}
      >
        {create.isPending ? t("start.busy") : t("start.submit")}
      </button>{" "}
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => comments.setDraft(null)}
      >
        {t("start.cancel")}
      </button>
      <FormError error={create.error ? problem(create.error) : null} />
    </form>
  );
}
