import { describe, expect, it } from "vitest";
import { palette } from "./color";
import { distinctColor } from "./presence-colors";

const [red, yellow, blue] = palette;
const me = { clientId: 10, name: "Alice", color: red };

describe("presence colours: distinct per document", () => {
  it("keeps one's colour when nobody else has it", () => {
    expect(distinctColor(me, [{ clientId: 5, name: "Basile", color: blue }])).toBe(red);
  });

  it("keeps it against a later client id (that one moves)", () => {
    expect(distinctColor(me, [{ clientId: 20, name: "Basile", color: red }])).toBe(red);
  });

  it("moves to the first free colour against an earlier client id", () => {
    const others = [
      { clientId: 5, name: "Basile", color: red },
      { clientId: 30, name: "Chloé", color: yellow },
    ];
    expect(distinctColor(me, others)).toBe(blue);
  });

  it("ignores one's own other tabs", () => {
    expect(distinctColor(me, [{ clientId: 5, name: "Alice", color: red }])).toBe(red);
  });

  it("keeps its colour when every colour is taken", () => {
    const others = palette.map((color, i) => ({ clientId: i, name: `P${i}`, color }));
    expect(distinctColor(me, others)).toBe(red);
  });
});
