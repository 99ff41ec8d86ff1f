/**
 * The editor's comment mark is stored exactly as the server writes it (shared/comment-marks.ts),
 * and two threads over the same words survive the round trip through the Y.Doc.
 */
import { getSchema } from "@tiptap/core";
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { commentMarkKey } from "../../shared/comment-marks";
import { BODY } from "../../shared/documents";
import { threadsAt } from "./comment-mark";
import { bodyExtensions } from "./extensions";

const schema = getSchema(bodyExtensions());

describe("the comment mark", () => {
  it("overlaps itself and is stored under the server's key", () => {
    const a = schema.marks.comment.create({ threadId: "fil-a" });
    const b = schema.marks.comment.create({ threadId: "fil-b" });
    const doc = schema.node("doc", null, [
      schema.node("paragraph", null, [
        schema.text("circuits courts ", [a]),
        schema.text("alimentaires", [a, b]),
        schema.text(" progressent", [b]),
      ]),
    ]);
    const ydoc = new Y.Doc();
    prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(BODY));
    const text = ydoc.getXmlFragment(BODY).toArray()[0] as Y.XmlElement;
    const delta = (text.toArray()[0] as Y.XmlText).toDelta() as Array<{
      insert: string;
      attributes: Record<string, unknown>;
    }>;
    expect(delta.map((op) => Object.keys(op.attributes).sort())).toEqual([
      [commentMarkKey("fil-a")],
      [commentMarkKey("fil-a"), commentMarkKey("fil-b")].sort(),
      [commentMarkKey("fil-b")],
    ]);

    const back = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY), schema);
    const middle = back.firstChild?.child(1);
    expect(middle?.text).toBe("alimentaires");
    expect(middle?.marks.map((mark) => mark.attrs.threadId).sort()).toEqual(["fil-a", "fil-b"]);
  });

  it("finds the threads under a caret: inside, at a highlight's first letter, not after its end", () => {
    const a = schema.marks.comment.create({ threadId: "fil-a" });
    const b = schema.marks.comment.create({ threadId: "fil-b" });
    // Positions: "avant " spans 1–7, "circuits " 7–16, "courts" 16–22, " après" 22–28.
    const doc = schema.node("doc", null, [
      schema.node("paragraph", null, [
        schema.text("avant "),
        schema.text("circuits ", [a]),
        schema.text("courts", [a, b]),
        schema.text(" après"),
      ]),
    ]);
    expect(threadsAt(doc, 1)).toEqual([]);
    expect(threadsAt(doc, 7)).toEqual(["fil-a"]);
    expect(threadsAt(doc, 10)).toEqual(["fil-a"]);
    expect(threadsAt(doc, 18)).toEqual(["fil-b", "fil-a"]);
    expect(threadsAt(doc, 21)).toEqual(["fil-b", "fil-a"]);
    expect(threadsAt(doc, 22)).toEqual([]);
  });
});
