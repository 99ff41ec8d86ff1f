import type { CircleSeat as Seat } from "../../shared/api/circles";
import {
  type IssuedInvitation as CreatedInvitation,
  type InvitationState,
  type Invitation as InvitationView,
  parseEmailList,
} from "../../shared/api/invitations";
import { canInvite, type PoleRole } from "../../shared/permissions";
import { generateSessionToken, hashToken } from "../auth/sessions";
import type { DB } from "../db/database";
import type { Invitation, User } from "../db/schema";
import { indexCollective } from "../search/refresh";
import {
  accountNotCreated,
  authenticate,
  insertAccount,
  type NewAccount,
  prepareAccount,
} from "./accounts";
import { audit } from "./audit";
import { seat } from "./circles";
import type { Ctx } from "./context";
import { DomainError, forbidden, notFound } from "./errors";
import { newId } from "./ids";
import { requireMember } from "./members";
import { startOnboarding } from "./onboarding/records";

export const DEFAULT_INVITATION_DAYS = 14;
/** The pôle role an invitation gives when it names none. */
export const ARRIVAL_ROLE: PoleRole = "member";
/** A pôle holds a few hundred people at most: one paste invites a whole meeting's list. */
const MAX_BULK = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

export function invitationState(row: Invitation, now = Date.now()): InvitationState {
  if (row.revoked_at !== null) return "revoked";
  if (row.accepted_at !== null) return "accepted";
  return now >= row.expires_at ? "expired" : "pending";
}

export const seatsOf = (row: Invitation): Seat[] => JSON.parse(row.circles);

export const presentInvitation = (row: Invitation, now = Date.now()): InvitationView => ({
  id: row.id,
  email: row.email,
  circles: seatsOf(row),
  poleRole: row.pole_role,
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: new Date(row.expires_at).toISOString(),
  state: invitationState(row, now),
});

async function requireInviter(db: DB, person: { poleId: string; userId: string }) {
  const member = await requireMember(db, person);
  if (!canInvite(member)) throw forbidden("Seuls les coordinateurs invitent de nouveaux membres.");
}

interface InvitationInput {
  email?: string | null;
  circles: Seat[];
  poleRole?: PoleRole;
  expiresInDays?: number;
}

async function checkSeats(db: DB, { poleId, circles }: { poleId: string; circles: Seat[] }) {
  const circleIds = [...new Set(circles.map((seat) => seat.circleId))];
  if (circleIds.length !== circles.length) {
    throw new DomainError("invalid_input", "Un même cercle apparaît deux fois dans l'invitation.");
  }
  if (circleIds.length > 0) {
    const found = await db
      .selectFrom("circles")
      .select("id")
      .where("pole_id", "=", poleId)
      .where("id", "in", circleIds)
      .execute();
    if (found.length !== circleIds.length) {
      throw new DomainError(
        "invalid_input",
        "Un des cercles de l'invitation n'existe pas dans ce pôle.",
      );
    }
  }
}

/** Writes one invitation and its audit entry, inside the caller's transaction. */
async function insertInvitation(
  trx: DB,
  {
    userId,
    poleId,
    invitation: input,
    publicUrl,
  }: { userId: string; poleId: string; invitation: InvitationInput; publicUrl: string },
  now: number,
): Promise<CreatedInvitation> {
  const { token, tokenHash } = newToken();
  const row: Invitation = {
    id: newId(),
    pole_id: poleId,
    token_hash: tokenHash,
    email: input.email ?? null,
    pole_role: input.poleRole ?? ARRIVAL_ROLE,
    circles: JSON.stringify(input.circles),
    created_by: userId,
    created_at: now,
    expires_at: now + (input.expiresInDays ?? DEFAULT_INVITATION_DAYS) * DAY_MS,
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
  };
  await trx.insertInto("invitations").values(row).execute();
  await audit(trx, {
    poleId,
    actorId: userId,
    action: "invitation.created",
    target: row.id,
    details: { email: row.email, circles: input.circles, poleRole: row.pole_role },
  });
  return issued(row, token, publicUrl);
}

const newToken = () => {
  const token = generateSessionToken();
  return { token, tokenHash: hashToken(token) };
};

const issued = (row: Invitation, token: string, publicUrl: string): CreatedInvitation => ({
  id: row.id,
  url: `${publicUrl.replace(/\/$/, "")}/invitation/${token}`,
  token,
  expiresAt: new Date(row.expires_at).toISOString(),
});

export async function createInvitation(
  { db, publicUrl }: Ctx<"publicUrl">,
  userId: string,
  { poleId, invitation }: { poleId: string; invitation: InvitationInput },
): Promise<CreatedInvitation> {
  await requireInviter(db, { poleId, userId });
  await checkSeats(db, { poleId, circles: invitation.circles });
  const now = Date.now();
  return db
    .transaction()
    .execute((trx) => insertInvitation(trx, { userId, poleId, invitation, publicUrl }, now));
}

/**
 * One invitation per address of a pasted list (any separator), with the same circles and
 * roles. Every address is checked before anything is written, all in one transaction.
 */
export async function createInvitations(
  { db, publicUrl }: Ctx<"publicUrl">,
  userId: string,
  {
    poleId,
    emails: pasted,
    invitation: input,
  }: { poleId: string; emails: string; invitation: Omit<InvitationInput, "email"> },
): Promise<Array<CreatedInvitation & { email: string }>> {
  await requireInviter(db, { poleId, userId });
  const { valid: emails, invalid } = parseEmailList(pasted);
  // All or nothing: a typo in a pasted list would otherwise leave someone uninvited unseen.
  if (invalid.length > 0) {
    const plural = invalid.length > 1 ? "s" : "";
    throw new DomainError(
      "invalid_input",
      `Adresse${plural} invalide${plural} : ${invalid.slice(0, 10).join(", ")}. Rien n'a été envoyé.`,
    );
  }
  if (emails.length === 0) {
    throw new DomainError("invalid_input", "Collez au moins une adresse e-mail.");
  }
  if (emails.length > MAX_BULK) {
    throw new DomainError("invalid_input", `${MAX_BULK} adresses au plus par envoi.`);
  }
  const twice = emails.filter((email, index) => emails.indexOf(email) !== index);
  if (twice.length > 0) {
    throw new DomainError(
      "invalid_input",
      `Adresse en double : ${[...new Set(twice)].join(", ")}.`,
    );
  }
  const members = await db
    .selectFrom("pole_members")
    .innerJoin("users", "users.id", "pole_members.user_id")
    .select("users.email")
    .where("pole_members.pole_id", "=", poleId)
    .where("users.email", "in", [...emails])
    .execute();
  if (members.length > 0) {
    throw new DomainError(
      "invalid_input",
      `Déjà membre du pôle : ${members.map((m) => m.email).join(", ")}.`,
    );
  }
  await checkSeats(db, { poleId, circles: input.circles });
  const now = Date.now();
  return db.transaction().execute(async (trx) => {
    const created: Array<CreatedInvitation & { email: string }> = [];
    for (const email of emails) {
      const invitation = await insertInvitation(
        trx,
        { userId, poleId, invitation: { ...input, email }, publicUrl },
        now,
      );
      created.push({ ...invitation, email });
    }
    return created;
  });
}

export async function listInvitations({ db }: Ctx, userId: string, { poleId }: { poleId: string }) {
  await requireInviter(db, { poleId, userId });
  const rows = await db
    .selectFrom("invitations")
    .selectAll()
    .where("pole_id", "=", poleId)
    .orderBy("created_at", "desc")
    .execute();
  const now = Date.now();
  return rows.map((row) => presentInvitation(row, now));
}

/** An invitation as one of its pôle's coordinators reaches it (404 to anyone else). */
async function invitationForInviter(
  db: DB,
  { invitationId, userId }: { invitationId: string; userId: string },
) {
  const row = await db
    .selectFrom("invitations")
    .selectAll()
    .where("id", "=", invitationId)
    .executeTakeFirst();
  if (!row) throw notFound("Invitation");
  await requireInviter(db, { poleId: row.pole_id, userId }).catch((error: unknown) => {
    throw error instanceof DomainError && error.code === "not_found"
      ? notFound("Invitation")
      : error;
  });
  return row;
}

const alreadyAccepted = () => new DomainError("conflict", "Cette invitation a déjà été acceptée.");

export async function revokeInvitation(
  { db }: Ctx,
  userId: string,
  { invitationId }: { invitationId: string },
) {
  const row = await invitationForInviter(db, { invitationId, userId });
  if (invitationState(row) === "accepted") throw alreadyAccepted();
  await db.transaction().execute(async (trx) => {
    // Accepted meanwhile (on another instance): the acceptance stands.
    const revoked = await trx
      .updateTable("invitations")
      .set({ revoked_at: Date.now() })
      .where("id", "=", row.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (revoked.numUpdatedRows !== 1n) throw alreadyAccepted();
    await audit(trx, {
      poleId: row.pole_id,
      actorId: userId,
      action: "invitation.revoked",
      target: row.id,
    });
  });
}

/**
 * A pending invitation's link again, to copy (`link`) or to e-mail anew (`resend`). Only
 * the token's hash is stored, so the link cannot be read back: a new token replaces it,
 * and the former link stops working.
 */
export async function renewInvitationLink(
  { db, publicUrl }: Ctx<"publicUrl">,
  userId: string,
  { invitationId, purpose }: { invitationId: string; purpose: "link" | "resend" },
) {
  const row = await invitationForInviter(db, { invitationId, userId });
  if (invitationState(row) !== "pending") {
    throw new DomainError(
      "conflict",
      "Cette invitation n'est plus en attente : invitez la personne à nouveau.",
    );
  }
  if (purpose === "resend" && row.email === null) {
    throw new DomainError(
      "conflict",
      "Cette invitation n'a pas d'adresse e-mail : copiez son lien.",
    );
  }
  const { token, tokenHash } = newToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("invitations")
      .set({ token_hash: tokenHash })
      .where("id", "=", row.id)
      .execute();
    await audit(trx, {
      poleId: row.pole_id,
      actorId: userId,
      action: purpose === "resend" ? "invitation.resent" : "invitation.link_renewed",
      target: row.id,
      details: { email: row.email },
    });
  });
  return { invitation: issued(row, token, publicUrl), row: { ...row, token_hash: tokenHash } };
}

async function usableInvitation(db: DB, { token }: { token: string }) {
  const row = await db
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) throw notFound("Invitation");
  const state = invitationState(row);
  if (state !== "pending") {
    const why = { accepted: "déjà utilisée", expired: "expirée", revoked: "révoquée" }[state];
    throw new DomainError(
      "gone",
      `Cette invitation est ${why}. Demandez-en une nouvelle à la coordination.`,
    );
  }
  return row;
}

/** What an invitation offers: the pôle role, and each circle's name and seat. */
export async function offerOf(
  db: DB,
  { poleId, poleRole, circles: seats }: { poleId: string; poleRole: PoleRole; circles: Seat[] },
) {
  const circles =
    seats.length === 0
      ? []
      : await db
          .selectFrom("circles")
          .select(["id", "name", "kind"])
          .where("pole_id", "=", poleId)
          .where(
            "id",
            "in",
            seats.map((seat) => seat.circleId),
          )
          .execute();
  const named = new Map(circles.map((circle) => [circle.id, circle]));
  return {
    poleRole,
    circles: seats.flatMap(({ circleId, role }) => {
      const circle = named.get(circleId);
      return circle ? [{ circleId, name: circle.name, kind: circle.kind, role }] : [];
    }),
  };
}

/** What the accept page shows before anyone has an account: who invites, into what. */
export async function previewInvitation({ db }: Ctx, { token }: { token: string }) {
  const row = await usableInvitation(db, { token });
  const [pole, inviter, offer] = await Promise.all([
    db
      .selectFrom("poles")
      .select(["id", "name"])
      .where("id", "=", row.pole_id)
      .executeTakeFirstOrThrow(),
    db.selectFrom("users").select("name").where("id", "=", row.created_by).executeTakeFirst(),
    offerOf(db, { poleId: row.pole_id, poleRole: row.pole_role, circles: seatsOf(row) }),
  ]);
  return {
    pole,
    inviter: inviter ? { name: inviter.name } : null,
    email: row.email,
    expiresAt: new Date(row.expires_at).toISOString(),
    ...offer,
  };
}

export type Acceptor = { newcomer: NewAccount } | { userId: string };

const otherAddress = () =>
  forbidden(
    "Cette invitation a été envoyée à une autre adresse e-mail : utilisez celle à laquelle vous l'avez reçue, ou demandez une nouvelle invitation à la coordination du pôle.",
  );

/** The address the acceptor comes with: the newcomer's, or the signed-in person's. */
async function acceptorEmail(db: DB, acceptor: Acceptor) {
  if ("newcomer" in acceptor) return acceptor.newcomer.email;
  const user = await db
    .selectFrom("users")
    .select("email")
    .where("id", "=", acceptor.userId)
    .executeTakeFirstOrThrow();
  return user.email;
}

/**
 * Who accepts: a signed-in person as they are; a newcomer gets a new account, unless the
 * address already has one. Then the password must be that account's (the person typed
 * their usual credentials: they join signed in), and any other password fails with the
 * answer every failure to create an account gets, which never says that the account exists.
 * Either way one password hash is computed, so the time taken tells nothing either.
 */
async function resolveAcceptor(
  ctx: Ctx,
  acceptor: Acceptor,
): Promise<{ userId: string; created: User | null }> {
  if (!("newcomer" in acceptor)) return { userId: acceptor.userId, created: null };
  const { newcomer } = acceptor;
  const exists = await ctx.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", newcomer.email)
    .executeTakeFirst();
  if (!exists) {
    const created = await prepareAccount(newcomer);
    return { userId: created.id, created };
  }
  const user = await authenticate(ctx, newcomer);
  if (!user) throw accountNotCreated();
  return { userId: user.id, created: null };
}

/**
 * Uses an invitation once: a newcomer's account is created, or a signed-in person joins.
 * An invitation made for an address is for that address only. Everything happens in one
 * transaction so nothing is half-written.
 */
export async function acceptInvitation(
  ctx: Ctx<"events">,
  { token, acceptor }: { token: string; acceptor: Acceptor },
): Promise<{ userId: string; poleId: string; created: User | null }> {
  const { db, events } = ctx;
  const invitation = await usableInvitation(db, { token });
  if (invitation.email !== null && invitation.email !== (await acceptorEmail(db, acceptor))) {
    throw otherAddress();
  }
  // Hashing the password is slow: done before the transaction, which it would hold open.
  const { userId, created } = await resolveAcceptor(ctx, acceptor);
  const result = await db.transaction().execute(async (trx) => {
    const row = await usableInvitation(trx, { token });
    const now = Date.now();
    // Claimed first, on a condition: of two accepts racing (on any instance), the second
    // waits for the first's commit, then finds the invitation used and writes nothing.
    const claimed = await trx
      .updateTable("invitations")
      .set({ accepted_at: now, accepted_by: userId })
      .where("id", "=", row.id)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows !== 1n) {
      // Used or revoked meanwhile: read again, it answers 410 saying which.
      await usableInvitation(trx, { token });
      throw notFound("Invitation");
    }
    if (created) await insertAccount(trx, created);
    const joined = await trx
      .insertInto("pole_members")
      .values({ pole_id: row.pole_id, user_id: userId, role: row.pole_role, joined_at: now })
      .onConflict((oc) => oc.columns(["pole_id", "user_id"]).doNothing())
      .executeTakeFirst();
    // Only people new to the pôle go through the welcome (someone invited again does not).
    if (joined.numInsertedOrUpdatedRows === 1n) {
      await startOnboarding(trx, { poleId: row.pole_id, userId }, now);
      await indexCollective(trx, row.pole_id);
    }
    for (const { circleId, role } of seatsOf(row)) {
      await seat(
        trx,
        { poleId: row.pole_id, circleId, userId, role, actorId: row.created_by },
        now,
      );
    }
    await audit(trx, {
      poleId: row.pole_id,
      actorId: userId,
      action: "invitation.accepted",
      target: row.id,
    });
    return { userId, poleId: row.pole_id };
  });
  events.publish(result);
  return { ...result, created };
}
