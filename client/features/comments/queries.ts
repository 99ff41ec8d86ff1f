/**
 * Reads and writes of comment threads, parsed with the server's own schemas. Every key
 * starts with "comment", the pôle event type that invalidates it (client/lib/live.ts).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CommentPosted,
  type CreateThreadBody,
  type ReplyBody,
  ThreadList,
  ThreadView,
} from "../../../shared/api/comments";
import type { ReactionEmoji, ThreadState } from "../../../shared/comments";
import { api } from "../../lib/api";

const enc = encodeURIComponent;
export const commentKeys = {
  ofDocument: (documentId: string) => ["comment", documentId] as const,
};

export const useThreads = (documentId: string) =>
  useQuery({
    queryKey: commentKeys.ofDocument(documentId),
    queryFn: () => api.get(`/api/documents/${enc(documentId)}/threads`, ThreadList),
  });

/** A change to threads: the document's list refetches (other windows hear the pôle event). */
function useCommentMutation<T, R>(documentId: string, request: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: commentKeys.ofDocument(documentId) }),
  });
}

export const useCreateThread = (documentId: string) =>
  useCommentMutation(documentId, (body: CreateThreadBody) =>
    api.post(`/api/documents/${enc(documentId)}/threads`, body, CommentPosted),
  );

export const useReply = (documentId: string) =>
  useCommentMutation(documentId, ({ threadId, ...body }: ReplyBody & { threadId: string }) =>
    api.post(`/api/threads/${enc(threadId)}/comments`, body, CommentPosted),
  );

export const useThreadState = (documentId: string) =>
  useCommentMutation(documentId, ({ threadId, state }: { threadId: string; state: ThreadState }) =>
    api.put(`/api/threads/${enc(threadId)}/state`, { state }, ThreadView),
  );

export const useEditComment = (documentId: string) =>
  useCommentMutation(
    documentId,
    ({ commentId, ...edit }: { commentId: string; body: string; mentions: string[] }) =>
      api.call("PATCH", `/api/comments/${enc(commentId)}`, edit),
  );

export const useDeleteComment = (documentId: string) =>
  useCommentMutation(documentId, (commentId: string) =>
    api.call("DELETE", `/api/comments/${enc(commentId)}`),
  );

export const useReact = (documentId: string) =>
  useCommentMutation(
    documentId,
    ({ commentId, emoji, on }: { commentId: string; emoji: ReactionEmoji; on: boolean }) =>
      api.call(on ? "PUT" : "DELETE", `/api/comments/${enc(commentId)}/reactions/${enc(emoji)}`),
  );
