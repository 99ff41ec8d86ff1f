/**
 * A registry row's or a board card's comments: how many, and a way to them (or to start
 * the first). Nothing outside a document's page.
 */
import { useTranslation } from "react-i18next";
import type { ThreadTarget } from "../../../shared/api/comments";
import { threadOf, useComments } from "./CommentsContext";
import "./strings";

export function CommentBadge({ target }: { target: Exclude<ThreadTarget, { kind: "text" }> }) {
  const { t } = useTranslation("comments");
  const comments = useComments();
  if (!comments?.list) return null;
  const thread = threadOf(comments.list, target);
  const count = thread?.comments.filter((comment) => !comment.deleted).length ?? 0;
  if (!thread && !comments.list.canComment) return null;
  return (
    <button
      type="button"
      className="comment-badge"
      onClick={() => (thread ? comments.focus(thread.id) : comments.setDraft(target))}
    >
      <span aria-hidden="true">💬 </span>
      {thread ? t("badge.count", { count }) : t("badge.none")}
    </button>
  );
}
