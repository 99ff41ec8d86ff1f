import { describe, expect, it } from "vitest";
import { ftsQuery, highlights, MARK_END, MARK_START } from "./fts-query";

describe("ftsQuery", () => {
  it.each([
    ["mobi", '"mobi"*'],
    ["équipe élus", '"équipe"* "élus"*'],
    ['"transition écologique" vallée', '"transition écologique" "vallée"*'],
    ["NEAR(a b) AND -c : d*", '"NEAR"* "a"* "b"* "AND"* "c"* "d"*'],
    ['"unclosed phrase', '"unclosed phrase"'],
    ["l'équipe", '"l"* "équipe"*'],
  ])("%s → %s", (input, expected) => {
    expect(ftsQuery(input)).toBe(expected);
  });

  it.each(["", "   ", '"', "*", "-", ":", '""', "()"])("%j has no word", (input) => {
    expect(ftsQuery(input)).toBeNull();
  });

  it("keeps at most 12 words", () => {
    const query = ftsQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "));
    expect(query?.split(" ")).toHaveLength(12);
  });
});

describe("highlights", () => {
  it("gives plain text and the ranges of the marked words", () => {
    const marked = `Les ${MARK_START}élus${MARK_END} et l'${MARK_START}équipe${MARK_END}`;
    expect(highlights(marked)).toEqual({
      text: "Les élus et l'équipe",
      ranges: [
        [4, 8],
        [14, 20],
      ],
    });
  });
});
