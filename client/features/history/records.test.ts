import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { diffRecords, recordLabel, recordListsOf } from "./records";

const row = (fields: Record<string, unknown>) => {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
};

describe("diffRecords", () => {
  const list = (entries: Array<[string, Record<string, unknown>]>) => new Map(entries);

  it.each([
    ["nothing changed", [["a", { id: "a", title: "A" }]], [["a", { id: "a", title: "A" }]], []],
    [
      "a row added",
      [],
      [["a", { id: "a", title: "A" }]],
      [{ list: "actors", added: [{ id: "a", title: "A" }], removed: [], changed: [] }],
    ],
    [
      "a row removed",
      [["a", { id: "a", title: "A" }]],
      [],
      [{ list: "actors", added: [], removed: [{ id: "a", title: "A" }], changed: [] }],
    ],
    [
      "a field changed",
      [["a", { id: "a", title: "A", kind: "x" }]],
      [["a", { id: "a", title: "B", kind: "x" }]],
      [
        {
          list: "actors",
          added: [],
          removed: [],
          changed: [
            {
              before: { id: "a", title: "A", kind: "x" },
              after: { id: "a", title: "B", kind: "x" },
              fields: ["title"],
            },
          ],
        },
      ],
    ],
  ] as const)("%s", (_case, before, after, expected) => {
    const lists = (entries: typeof before | typeof after) =>
      new Map([["actors", list(entries.map(([id, fields]) => [id, { ...fields }]))]]);
    expect(diffRecords(lists(before), lists(after))).toEqual(expected);
  });
});

describe("recordListsOf", () => {
  it("reads registries and cards by id from a state", () => {
    const doc = new Y.Doc();
    doc.getArray("actors").push([row({ id: "a1", name: "Ressourcerie" })]);
    doc.getMap("cards").set("c1", row({ id: "c1", title: "Tiers-lieu" }));
    const lists = recordListsOf(Y.encodeStateAsUpdateV2(doc));
    expect(lists.get("actors")?.get("a1")).toEqual({ id: "a1", name: "Ressourcerie" });
    expect(lists.get("cards")?.get("c1")).toEqual({ id: "c1", title: "Tiers-lieu" });
    expect(recordLabel({ id: "a1", name: "Ressourcerie" })).toBe("Ressourcerie");
  });
});
