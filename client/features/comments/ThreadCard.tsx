/** One thread: its quote, its comments with their reactions, and what the reader may do. */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommentView, ThreadView } from "../../../shared/api/comments";
import { reactionEmojis } from "../../../shared/comments";
import { useProblem } from "../../lib/errors";
import { formatDate } from "../../lib/i18n";
import { Badge, FormError } from "../../ui/kit";
import { MentionField, MentionWarnings, useMentionDraft } from "./MentionField";
import { useDeleteComment, useEditComment, useReact, useReply, useThreadState } from "./queries";
import "./strings";

export function ThreadCard({
  thread,
  active,
  revealed,
  canComment,
  onFocus,
}: {
  thread: ThreadView;
  active: boolean;
  /** Grows each time the active thread is asked for from the text: its card takes the focus. */
  revealed: number;
  canComment: boolean;
  onFocus(): void;
}) {
  const { t } = useTranslation("comments");
  const card = useRef<HTMLElement>(null);
  const state = useThreadState(thread.documentId);
  const problem = useProblem();
  const label =
    thread.target.kind === "row"
      ? t("thread.labelRow", { quote: thread.quote })
      : thread.target.kind === "card"
        ? t("thread.labelCard", { quote: thread.quote })
        : t("thread.label", { quote: thread.quote });

  // biome-ignore lint/correctness/useExhaustiveDependencies: each new request refocuses the card.
  useEffect(() => {
    if (!active || !card.current) return;
    card.current.scrollIntoView({ block: "nearest" });
    card.current.focus();
  }, [active, revealed]);

  return (
    <article
      ref={card}
      tabIndex={-1}
      aria-label={label}
      className={`thread${active ? " thread--active" : ""}`}
      onFocus={(event) => event.target === event.currentTarget && onFocus()}
    >
      {thread.target.kind === "text" ? (
        <blockquote className="thread__quote">
          <button type="button" className="thread__quote-button" onClick={onFocus}>
            {thread.quote}
          </button>
        </blockquote>
      ) : (
        <p className="thread__target">{label}</p>
      )}
      <p className="thread__badges">
        {thread.detached ? <Badge tone="muted">{t("thread.detached")}</Badge> : null}
        {thread.state === "resolved" ? (
          <Badge tone="neutral">{t("thread.resolvedBadge")}</Badge>
        ) : null}
      </p>
      {thread.detached ? <p className="thread__hint">{t("thread.detachedHint")}</p> : null}
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <CommentItem comment={comment} documentId={thread.documentId} canComment={canComment} />
          </li>
        ))}
      </ol>
      {canComment ? (
        <div className="thread__actions">
          <ReplyForm thread={thread} />
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={state.isPending}
            onClick={() =>
              state.mutate({
                threadId: thread.id,
                state: thread.state === "open" ? "resolved" : "open",
              })
            }
          >
            {thread.state === "open" ? t("thread.resolve") : t("thread.reopen")}
          </button>
          <FormError error={state.error ? problem(state.error) : null} />
        </div>
      ) : null}
    </article>
  );
}

function CommentItem({
  comment,
  documentId,
  canComment,
}: {
  comment: CommentView;
  documentId: string;
  canComment: boolean;
}) {
  const { t, i18n } = useTranslation("comments");
  const [editing, setEditing] = useState(false);
  const remove = useDeleteComment(documentId);
  const react = useReact(documentId);
  const problem = useProblem();
  const error = remove.error ?? react.error;

  if (comment.deleted) return <p className="comment comment--deleted">{t("thread.deleted")}</p>;
  return (
    <div className="comment">
      <p className="comment__meta">
        <strong>{comment.authorName}</strong>{" "}
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt, i18n.language)}</time>
        {comment.editedAt ? ` · ${t("thread.edited")}` : null}
      </p>
      {editing ? (
        <EditForm comment={comment} documentId={documentId} onDone={() => setEditing(false)} />
      ) : (
        // Plain text, never markup: React renders it as text, line breaks kept by CSS.
        <p className="comment__body">{comment.body}</p>
      )}
      <ul className="comment__reactions" aria-label={t("thread.reactions")}>
        {reactionEmojis.map((emoji) => {
          const reaction = comment.reactions.find((r) => r.emoji === emoji);
          if (!canComment && !reaction) return null;
          return (
            <li key={emoji}>
              <button
                type="button"
                className={`reaction${reaction ? " reaction--used" : ""}`}
                aria-pressed={reaction?.mine ?? false}
                disabled={!canComment || react.isPending}
                onClick={() =>
                  react.mutate({ commentId: comment.id, emoji, on: !(reaction?.mine ?? false) })
                }
              >
                <span aria-hidden="true">{emoji}</span>
                <span className="visually-hidden">{t("thread.react", { emoji })}</span>
                {reaction ? <span> {reaction.count}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
      {!editing && (comment.canEdit || comment.canDelete) ? (
        <p className="comment__tools">
          {comment.canEdit ? (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setEditing(true)}
            >
              {t("thread.edit")}
            </button>
          ) : null}
          {comment.canDelete ? (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                if (window.confirm(t("thread.confirmDelete"))) remove.mutate(comment.id);
              }}
            >
              {t("thread.delete")}
            </button>
          ) : null}
        </p>
      ) : null}
      <FormError error={error ? problem(error) : null} />
    </div>
  );
}

/** A comment rewritten in place; people newly `@`-mentioned are told, as in a reply. */
function EditForm({
  comment,
  documentId,
  onDone,
}: {
  comment: CommentView;
  documentId: string;
  onDone(): void;
}) {
  const { t } = useTranslation("comments");
  const draft = useMentionDraft(comment.body);
  const edit = useEditComment(documentId);
  const problem = useProblem();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        edit.mutate(
          { commentId: comment.id, body: draft.text, mentions: draft.mentions },
          { onSuccess: onDone },
        );
      }}
    >
      <MentionField documentId={documentId} draft={draft} label={t("thread.edit")} rows={3} />
      <button
        type="submit"
        className="button button--primary button--small"
        disabled={edit.isPending || draft.text.trim() === ""}
      >
        {t("thread.save")}
      </button>{" "}
      <button type="button" className="button button--ghost button--small" onClick={onDone}>
        {t("start.cancel")}
      </button>
      <FormError error={edit.error ? problem(edit.error) : null} />
    </form>
  );
}

function ReplyForm({ thread }: { thread: ThreadView }) {
  const { t } = useTranslation("comments");
  const draft = useMentionDraft();
  const [warnings, setWarnings] = useState<string[]>([]);
  const reply = useReply(thread.documentId);
  const problem = useProblem();
  return (
    <form
      className="thread__reply"
      onSubmit={(event) => {
        event.preventDefault();
        reply.mutate(
          { threadId: thread.id, body: draft.text, mentions: draft.mentions },
          {
            onSuccess: (posted) => {
              draft.reset();
              setWarnings(posted.warnings);
            },
          },
        );
      }}
    >
      <MentionField
        documentId={thread.documentId}
        draft={draft}
        label={t("thread.replyLabel")}
        rows={2}
      />
      <MentionWarnings lines={warnings} />
      <button
        type="submit"
        className="button button--primary button--small"
        disabled={reply.isPending || draft.text.trim() === ""}
      >
        {t("thread.send")}
      </button>
      <FormError error={reply.error ? problem(reply.error) : null} />
    </form>
  );
}
