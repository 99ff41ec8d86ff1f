/** Comment threads on documents, registry rows and board cards. */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import {
  type CommentPosted,
  CreateThreadBody,
  EditCommentBody,
  ReactionEmoji,
  ReplyBody,
  type ThreadList,
  ThreadStateBody,
  type ThreadView,
} from "../../shared/api/comments";
import { COMMENTS_PER_TEN_MINUTES, type Limits } from "../auth/limits";
import type { CommentContext } from "../domain/comments/access";
import { deleteComment, editComment, react, replyToThread } from "../domain/comments/comments";
import { createThread, listThreads, setThreadState } from "../domain/comments/threads";
import { DomainError } from "../domain/errors";
import type { AppEnv } from "./context";
import { describeZodError, enforce } from "./errors";
import { requireUser, signedIn } from "./middleware";
import { jsonBody } from "./validate";

function emojiOf(raw: string) {
  const parsed = ReactionEmoji.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("invalid_input", describeZodError(parsed.error.issues));
  }
  return parsed.data;
}

/** Counts what a person posts (threads and replies), refusing a flood before it is stored. */
function postingLimit(limits: Limits) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const authorId = signedIn(c).id;
    await enforce(limits.comments, {
      key: authorId,
      message: `${COMMENTS_PER_TEN_MINUTES} commentaires en dix minutes au plus : patientez un peu avant d'en écrire d'autres.`,
    });
    await next();
    if (c.res.status === 201) await limits.comments.record(authorId);
  });
}

export function commentRoutes(ctx: CommentContext, limits: Limits) {
  const posting = postingLimit(limits);
  return new Hono<AppEnv>()
    .get("/documents/:documentId/threads", requireUser, async (c) => {
      const list = await listThreads(ctx, signedIn(c).id, c.req.param());
      return c.json(list satisfies ThreadList);
    })
    .post(
      "/documents/:documentId/threads",
      requireUser,
      posting,
      jsonBody(CreateThreadBody),
      async (c) => {
        const { documentId } = c.req.param();
        const posted = await createThread(ctx, signedIn(c).id, {
          documentId,
          ...c.req.valid("json"),
        });
        return c.json(posted satisfies CommentPosted, 201);
      },
    )
    .post("/threads/:threadId/comments", requireUser, posting, jsonBody(ReplyBody), async (c) => {
      const { threadId } = c.req.param();
      const posted = await replyToThread(ctx, signedIn(c).id, {
        threadId,
        ...c.req.valid("json"),
      });
      return c.json(posted satisfies CommentPosted, 201);
    })
    .put("/threads/:threadId/state", requireUser, jsonBody(ThreadStateBody), async (c) => {
      const { threadId } = c.req.param();
      const thread = await setThreadState(ctx, signedIn(c).id, {
        threadId,
        ...c.req.valid("json"),
      });
      return c.json(thread satisfies ThreadView);
    })
    .patch("/comments/:commentId", requireUser, jsonBody(EditCommentBody), async (c) => {
      const { commentId } = c.req.param();
      const thread = await editComment(ctx, signedIn(c).id, {
        commentId,
        ...c.req.valid("json"),
      });
      return c.json(thread satisfies ThreadView);
    })
    .delete("/comments/:commentId", requireUser, async (c) => {
      const thread = await deleteComment(ctx, signedIn(c).id, c.req.param());
      return c.json(thread satisfies ThreadView);
    })
    .put("/comments/:commentId/reactions/:emoji", requireUser, async (c) => {
      const { commentId, emoji } = c.req.param();
      const thread = await react(ctx, signedIn(c).id, {
        commentId,
        emoji: emojiOf(emoji),
        on: true,
      });
      return c.json(thread satisfies ThreadView);
    })
    .delete("/comments/:commentId/reactions/:emoji", requireUser, async (c) => {
      const { commentId, emoji } = c.req.param();
      const thread = await react(ctx, signedIn(c).id, {
        commentId,
        emoji: emojiOf(emoji),
        on: false,
      });
      return c.json(thread satisfies ThreadView);
    });
}
