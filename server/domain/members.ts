/** A person as seen from one pôle, in the shape the permission rules take. */

import type { JoinBuilder } from "kysely";
import type { GoverningCircles, Member } from "../../shared/permissions";
import type { DB } from "../db/database";
import { serialize } from "../db/dialect";
import type { Database } from "../db/schema";
import { DomainError, notFound } from "./errors";

export async function loadMember(
  db: DB,
  { poleId, userId }: { poleId: string; userId: string },
): Promise<Member | null> {
  return (await loadMembers(db, { poleId, userIds: [userId] })).get(userId) ?? null;
}

/**
 * Several people as seen from one pôle, in one round trip (a mention's readers are many):
 * a row per seat, each carrying the pôle role, and a single row without a seat for someone
 * who sits in no circle. People outside the pôle are absent from the map.
 */
export async function loadMembers(
  db: DB,
  { poleId, userIds }: { poleId: string; userIds: readonly string[] },
): Promise<Map<string, Member>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("pole_members")
    .leftJoin("circle_members", seatsOfMember)
    .select(["pole_members.user_id as userId", ...seatColumns])
    .where("pole_members.pole_id", "=", poleId)
    .where("pole_members.user_id", "in", userIds)
    .execute();
  const seats = new Map<string, SeatRow[]>();
  for (const row of rows) {
    const ofOne = seats.get(row.userId);
    if (ofOne) ofOne.push(row);
    else seats.set(row.userId, [row]);
  }
  const members = new Map<string, Member>();
  for (const [userId, ofOne] of seats) {
    const member = memberFromSeats(ofOne);
    if (member) members.set(userId, member);
  }
  return members;
}

/** Joins circle_members to pole_members: a member's seats, in their pôle. */
export const seatsOfMember = (join: JoinBuilder<Database, "pole_members" | "circle_members">) =>
  join
    .onRef("circle_members.pole_id", "=", "pole_members.pole_id")
    .onRef("circle_members.user_id", "=", "pole_members.user_id");

/** What a seat row reads: the pôle role, and a circle seat left-joined to it. */
export const seatColumns = [
  "pole_members.role as poleRole",
  "circle_members.circle_id as circleId",
  "circle_members.role as circleRole",
] as const;

/** A seat row: the pôle role joined with one circle seat (null for no seat); see loadMembers. */
export interface SeatRow {
  poleRole: Member["poleRole"] | null;
  circleId: string | null;
  circleRole: Member["circles"][number]["role"] | null;
}

/** One person as seen from a pôle, from their seat rows; null when they are not in it. */
export function memberFromSeats(rows: readonly SeatRow[]): Member | null {
  const poleRole = rows[0]?.poleRole;
  if (!poleRole) return null;
  const circles: Member["circles"][number][] = [];
  for (const { circleId, circleRole } of rows) {
    if (circleId !== null && circleRole !== null) circles.push({ circleId, role: circleRole });
  }
  return { poleRole, circles };
}

/**
 * The member behind a request on a pôle's resources. People outside the pôle get 404,
 * as if the pôle did not exist: its existence is nobody else's business.
 */
export const requireMember = (db: DB, person: { poleId: string; userId: string }) =>
  requireMemberFor(db, person, "Pôle");

/** The member reaching for one of the pôle's resources: to outsiders it does not exist. */
export async function requireMemberFor(
  db: DB,
  person: { poleId: string; userId: string },
  resource: string,
): Promise<Member> {
  const member = await loadMember(db, person);
  if (!member) throw notFound(resource);
  return member;
}

/** Whether someone belongs to the pôle (whatever their role). */
export async function isPoleMember(db: DB, { poleId, userId }: { poleId: string; userId: string }) {
  const person = await db
    .selectFrom("pole_members")
    .select("user_id")
    .where("pole_id", "=", poleId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return person !== undefined;
}

/** Someone a request acts on: unknown (404) unless they belong to the pôle. */
export async function requirePerson(db: DB, person: { poleId: string; userId: string }) {
  if (!(await isPoleMember(db, person))) throw notFound("Personne");
}

/**
 * A pôle's noyau dur and comité de pilotage are made with it and never change (neither
 * their kind nor their id): read once per database handle, not at every access check.
 */
const governingByHandle = new WeakMap<DB, Map<string, GoverningCircles>>();

export async function governingCircles(db: DB, poleId: string): Promise<GoverningCircles> {
  let known = governingByHandle.get(db);
  const cached = known?.get(poleId);
  if (cached) return cached;
  const rows = await db
    .selectFrom("circles")
    .select(["id", "kind"])
    .where("pole_id", "=", poleId)
    .where("kind", "in", ["core", "steering"])
    .execute();
  const coreId = rows.find((r) => r.kind === "core")?.id;
  const steeringId = rows.find((r) => r.kind === "steering")?.id;
  if (!coreId || !steeringId) {
    throw new DomainError("conflict", "Ce pôle n'a pas de noyau dur ou de comité de pilotage.");
  }
  if (!known) {
    known = new Map();
    governingByHandle.set(db, known);
  }
  const governing = { coreId, steeringId };
  known.set(poleId, governing);
  return governing;
}

/**
 * Changes of who is in a pôle and where (roles, departures, seats, deleted groups), one at
 * a time per pôle (across instances too), from here to the end of `trx`: two coordinators
 * stepping down at once would each see the other stay, and a seat given while its person
 * leaves the pôle (or its group is deleted) would outlive them.
 */
export const lockMembership = (trx: DB, poleId: string) => serialize(trx, `membership:${poleId}`);

/**
 * Before a coordinator steps down or leaves: the pôle always keeps one (409 otherwise).
 * Inside a transaction that took `lockMembership` before reading anyone's role.
 */
export async function requireAnotherCoordinator(db: DB, { poleId }: { poleId: string }) {
  const coordinators = await db
    .selectFrom("pole_members")
    .select(({ fn }) => fn.countAll<number>().as("count"))
    .where("pole_id", "=", poleId)
    .where("role", "=", "coordinator")
    .executeTakeFirstOrThrow();
  if (Number(coordinators.count) <= 1) {
    throw new DomainError("conflict", "Le pôle doit garder au moins une personne coordinatrice.");
  }
}
