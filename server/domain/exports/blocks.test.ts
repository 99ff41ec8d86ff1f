import { describe, expect, it } from "vitest";
import { blocksOf } from "./blocks";

describe("export blocks", () => {
  it("read a mention as @ and the person's name", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Source à vérifier, " },
            { type: "mention", attrs: { id: "u1", label: "Léa Garnier", uid: "m1" } },
          ],
        },
      ],
    };
    expect(blocksOf(doc)).toEqual([
      { type: "paragraph", runs: [{ text: "Source à vérifier, " }, { text: "@Léa Garnier" }] },
    ]);
  });
});
