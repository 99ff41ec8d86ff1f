import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { bodyExtensions } from "../../editor/extensions";
import { bodyOf, textChanges } from "./textChanges";

const schema = getSchema(bodyExtensions());
const stateOf = (...paragraphs: string[]) =>
  Y.encodeStateAsUpdateV2(
    prosemirrorJSONToYDoc(
      schema,
      {
        type: "doc",
        content: paragraphs.map((text) => ({
          type: "paragraph",
          content: [{ type: "text", text }],
        })),
      },
      "body",
    ),
  );

describe("textChanges", () => {
  it("finds the words added and removed, not the whole text", () => {
    const before = bodyOf(
      stateOf("Article 1 : la coopération.", "Article 2 : les valeurs."),
      schema,
    );
    const after = bodyOf(
      stateOf("Article 1 : la coopération ouverte.", "Article 2 : valeurs."),
      schema,
    );
    const changes = textChanges(before, after);
    const inserted = changes.map((c) => after.textBetween(c.from, c.to)).join("|");
    expect(inserted).toContain("ouverte");
    expect(inserted).not.toContain("Article");
    expect(changes.map((c) => c.deleted).join("|")).toContain("les");
  });

  it("answers nothing for equal texts", () => {
    const same = stateOf("Préambule");
    expect(textChanges(bodyOf(same, schema), bodyOf(same, schema))).toEqual([]);
  });
});
