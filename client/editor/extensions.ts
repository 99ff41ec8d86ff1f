/** The Tiptap extensions of every document body, bound to the Y.Doc's `body` fragment. */
import type { Extensions } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { TableKit } from "@tiptap/extension-table";
import { Placeholder } from "@tiptap/extensions";
import StarterKit from "@tiptap/starter-kit";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { BODY } from "../../shared/documents";
import type { SyncUser } from "../lib/sync";
import { CommentMark } from "./comment-mark";

/** The schema of every document body: what the editor and the diff view both render. */
export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      // Yjs keeps the history (Collaboration brings its own undo/redo).
      undoRedo: false,
      // A trailing paragraph added by every client on load would duplicate on merge.
      trailingNode: false,
      heading: { levels: [1, 2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        protocols: ["http", "https", "mailto"],
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    CommentMark,
  ];
}

export function collaborativeExtensions(options: {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: SyncUser;
  placeholder: string;
}): Extensions {
  return [
    ...bodyExtensions(),
    Placeholder.configure({ placeholder: options.placeholder }),
    Collaboration.configure({ document: options.ydoc, field: BODY }),
    CollaborationCaret.configure({ provider: options.provider, user: options.user }),
  ];
}
