/** The pôle's circles as a tree for the map: core in steering in the pôle, projects in their theme. */
import { hierarchy, pack } from "d3-hierarchy";
import type { Circle } from "../../../shared/api/circles";
import type { CircleKind } from "../../../shared/permissions";

export interface Node {
  id: string;
  name: string;
  kind: CircleKind | "pole" | "self";
  members: number;
  children?: Node[];
}

/**
 * A circle that holds others also has people of its own: they are a hidden leaf, so
 * that every circle's area grows with its own membership.
 */
function withOwnPeople(node: Node, inner: Node[]): Node {
  if (inner.length === 0) return node;
  return {
    ...node,
    children: [...inner, { id: `${node.id}:self`, name: "", kind: "self", members: node.members }],
  };
}

export function buildTree(poleName: string, circles: readonly Circle[]): Node {
  const node = (circle: Circle): Node => ({
    id: circle.id,
    name: circle.name,
    kind: circle.kind,
    members: circle.members.length,
  });
  const core = circles.filter((c) => c.kind === "core").map(node);
  const steering = circles
    .filter((c) => c.kind === "steering")
    .map((c) => withOwnPeople(node(c), core));
  const thematic = circles
    .filter((c) => c.kind === "thematic")
    .map((t) =>
      withOwnPeople(
        node(t),
        circles.filter((c) => c.kind === "project" && c.parentId === t.id).map(node),
      ),
    );
  const placed = new Set(
    [...steering, ...thematic].flatMap(function ids(n: Node): string[] {
      return [n.id, ...(n.children ?? []).flatMap(ids)];
    }),
  );
  // A project whose thematic group is gone still shows, directly in the pôle.
  const orphans = circles.filter((c) => !placed.has(c.id) && c.kind !== "core").map(node);
  const governing = steering.length > 0 ? steering : core;
  return {
    id: "pole",
    name: poleName,
    kind: "pole",
    members: 0,
    children: [...governing, ...thematic, ...orphans],
  };
}

/** Positions and radii in a square of `size` px; the hidden own-people leaves are left out. */
export function packCircles(poleName: string, circles: readonly Circle[], size: number) {
  const root = hierarchy(buildTree(poleName, circles))
    .sum((d) => (d.children && d.children.length > 0 ? 0 : Math.max(d.members, 1)))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const packed = pack<Node>()
    .size([size, size])
    .padding((d) => (d.depth === 0 ? Math.max(12, size / 40) : 6))(root);
  return packed.descendants().filter((d) => d.data.kind !== "self");
}
