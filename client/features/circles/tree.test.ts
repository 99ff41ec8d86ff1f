import { describe, expect, it } from "vitest";
import type { Circle } from "../../../shared/api/circles";
import { packCircles } from "./tree";

const seats = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ userId: `u${i}`, role: "member" as const }));

const governing: Circle[] = [
  { id: "core", kind: "core", name: "Noyau dur", parentId: null, members: seats(3) },
  {
    id: "steering",
    kind: "steering",
    name: "Comité de pilotage",
    parentId: null,
    members: seats(6),
  },
];

function thirty(): Circle[] {
  const circles = [...governing];
  for (let t = 1; circles.length < 30; t++) {
    circles.push({
      id: `t${t}`,
      kind: "thematic",
      name: `Thème ${t}`,
      parentId: null,
      members: seats(t),
    });
    for (let p = 1; p <= 2 && circles.length < 30; p++) {
      circles.push({
        id: `t${t}p${p}`,
        kind: "project",
        name: `Projet ${t}.${p}`,
        parentId: `t${t}`,
        members: seats(p),
      });
    }
  }
  return circles;
}

describe("the circles map layout", () => {
  it.each([
    ["2 circles", governing],
    ["30 circles", thirty()],
  ] as const)("with %s: every circle drawn, nested as the collective is", (_, circles) => {
    const nodes = packCircles("Pôle", circles, 600);
    const byId = new Map(nodes.map((n) => [n.data.id, n]));
    expect(nodes.length).toBe(circles.length + 1);
    for (const circle of circles) {
      const node = byId.get(circle.id);
      expect(node?.r).toBeGreaterThan(4);
    }
    const inside = (child: string, parent: string) => {
      const c = byId.get(child);
      const p = byId.get(parent);
      if (!c || !p) throw new Error(`${child} or ${parent} missing`);
      return Math.hypot(c.x - p.x, c.y - p.y) + c.r <= p.r + 0.001;
    };
    expect(inside("core", "steering")).toBe(true);
    expect(inside("steering", "pole")).toBe(true);
    for (const circle of circles.filter((c) => c.kind === "project")) {
      expect(inside(circle.id, circle.parentId ?? "")).toBe(true);
    }
    // Siblings never overlap.
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b || a.parent !== b.parent) continue;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r - 0.001);
      }
    }
  });

  it("sizes each circle by its membership", () => {
    const nodes = packCircles("Pôle", thirty(), 600);
    const r = (id: string) => nodes.find((n) => n.data.id === id)?.r ?? 0;
    expect(r("t2p2")).toBeGreaterThan(r("t2p1"));
  });
});
