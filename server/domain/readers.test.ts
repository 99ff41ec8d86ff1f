/**
 * `readersAmong` (everyone at once: notifications, mentions, the `@` list) against
 * `accessOf` (one person, the rule every route and sync connection enforces), on a table:
 * every kind of person × documents of every circle, archived or not, minutes of a planned
 * and of a closed meeting, and an amendment and minutes whose amendment or meeting is gone
 * (nobody reads those). The two must name exactly the same readers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CircleRole, PoleRole } from "../../shared/permissions";
import { openMigratedDatabase, type TemporaryDatabase } from "../../tests/helpers/document-db";
import { accessOf, readersAmong } from "./documents";

const circles = [
  { id: "core", kind: "core" },
  { id: "steering", kind: "steering" },
  { id: "thematic", kind: "thematic" },
  { id: "project", kind: "project" },
] as const;

const people: Array<{ id: string; poleRole: PoleRole; seats: Array<[string, CircleRole]> }> = [
  { id: "coordinator", poleRole: "coordinator", seats: [] },
  { id: "steering-member", poleRole: "member", seats: [["steering", "member"]] },
  { id: "thematic-facilitator", poleRole: "member", seats: [["thematic", "facilitator"]] },
  { id: "thematic-commenter", poleRole: "member", seats: [["thematic", "commenter"]] },
  {
    id: "project-and-core",
    poleRole: "member",
    seats: [
      ["project", "member"],
      ["core", "member"],
    ],
  },
  { id: "member-of-no-circle", poleRole: "member", seats: [] },
  { id: "observer", poleRole: "observer", seats: [["core", "observer"]] },
];
const everyone = [...people.map((person) => person.id), "outsider"];

const documents = (["page", "board", "diagnostic", "charter"] as const).flatMap((kind) =>
  [null, ...circles.map((circle) => circle.id)].flatMap((circleId) =>
    [false, true].map((archived) => ({
      id: `${kind}-${circleId ?? "none"}${archived ? "-archived" : ""}`,
      kind,
      circleId,
      archived,
    })),
  ),
);
const minutes = ["planned", "closed"] as const;
const orphans = [
  { id: "amendment-orphan", kind: "amendment" },
  { id: "minutes-orphan", kind: "minutes" },
] as const;

let opened: TemporaryDatabase;

beforeAll(async () => {
  opened = await openMigratedDatabase("readers");
  const { db } = opened;
  await db
    .insertInto("poles")
    .values({ id: "pole", slug: "p", name: "P", created_at: 0 })
    .execute();
  await db
    .insertInto("users")
    .values(
      everyone.map((id) => ({
        id,
        name: id,
        email: `${id}@example.org`,
        password_hash: "",
        created_at: 0,
      })),
    )
    .execute();
  await db
    .insertInto("circles")
    .values(
      circles.map(({ id, kind }) => ({
        id,
        pole_id: "pole",
        kind,
        name: id,
        parent_id: null,
        created_at: 0,
        archived_at: null,
        deleted_at: null,
      })),
    )
    .execute();
  await db
    .insertInto("pole_members")
    .values(
      people.map(({ id, poleRole }) => ({
        pole_id: "pole",
        user_id: id,
        role: poleRole,
        joined_at: 0,
      })),
    )
    .execute();
  await db
    .insertInto("circle_members")
    .values(
      people.flatMap(({ id, seats }) =>
        seats.map(([circleId, role]) => ({
          circle_id: circleId,
          user_id: id,
          pole_id: "pole",
          role,
          since: 0,
        })),
      ),
    )
    .execute();
  const row = (id: string, kind: string, circleId: string | null, archived: boolean) => ({
    id,
    pole_id: "pole",
    kind: kind as "page",
    title: id,
    circle_id: circleId,
    created_by: null,
    created_at: 0,
    updated_at: 0,
    archived_at: archived ? 1 : null,
  });
  await db
    .insertInto("documents")
    .values([
      ...documents.map((doc) => row(doc.id, doc.kind, doc.circleId, doc.archived)),
      ...minutes.map((state) => row(`minutes-${state}`, "minutes", "thematic", false)),
      ...orphans.map((orphan) => row(orphan.id, orphan.kind, null, false)),
    ])
    .execute();
  await db
    .insertInto("meetings")
    .values(
      minutes.map((state) => ({
        id: `meeting-${state}`,
        pole_id: "pole",
        circle_id: "thematic",
        document_id: `minutes-${state}`,
        title: state,
        starts_at: 0,
        ends_at: 1,
        place: "",
        video_url: "",
        state,
        minutes_version_id: null,
        created_by: null,
        created_at: 0,
        closed_at: state === "closed" ? 1 : null,
        series_id: null,
      })),
    )
    .execute();
});

afterAll(() => opened.remove());

describe("readersAmong names the people accessOf lets read", () => {
  it.each([
    ...documents.map((doc) => doc.id),
    ...minutes.map((state) => `minutes-${state}`),
    ...orphans.map((orphan) => orphan.id),
  ])("%s", async (documentId) => {
    const ctx = { db: opened.db };
    const expected: string[] = [];
    for (const userId of everyone) {
      if ((await accessOf(ctx, userId, { documentId })) !== null) expected.push(userId);
    }
    const readers = await readersAmong(ctx, { documentId, userIds: everyone });
    expect([...readers].sort()).toEqual(expected.sort());
    // Every pôle member reads every document, but nobody reads an orphan.
    expect(expected.length).toBe(documentId.endsWith("orphan") ? 0 : people.length);
  });

  it("answers nobody for an unknown document or an empty list", async () => {
    const ctx = { db: opened.db };
    expect(await readersAmong(ctx, { documentId: "nope", userIds: everyone })).toEqual(new Set());
    expect(await readersAmong(ctx, { documentId: "page-none", userIds: [] })).toEqual(new Set());
  });
});
