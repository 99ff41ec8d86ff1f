import type {
  DocumentMeta as DocumentDetail,
  DocumentSummary as DocumentListItem,
  DocumentRef as DocumentView,
} from "../../shared/api/documents";
import type { DocumentAccess, DocumentKind } from "../../shared/documents";
import {
  type AmendmentRef,
  amendmentAccess,
  canCreatePage,
  documentAccess,
  type GoverningCircles,
  type Member,
  minutesAccess,
} from "../../shared/permissions";
import { hashToken, type SessionValidation, sessionColumns, settleSession } from "../auth/sessions";
import type { DB } from "../db/database";
import { prepared } from "../db/prepared";
import type { DocumentRow } from "../db/schema";
import { indexNewDocument } from "../search/refresh";
import { createKyselyStore } from "../storage";
import type { Ctx } from "./context";
import { forbidden, notFound, unauthenticated } from "./errors";
import { newId } from "./ids";
import {
  governingCircles,
  loadMembers,
  memberFromSeats,
  requireMember,
  type SeatRow,
  seatColumns,
  seatsOfMember,
} from "./members";
import { initialState } from "./outlines";

export const presentDocument = (row: DocumentRow): DocumentView => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  circleId: row.circle_id,
});

export async function insertDocument(
  db: DB,
  input: {
    poleId: string;
    kind: DocumentKind;
    title: string;
    circleId: string | null;
    createdBy: string;
    /** The content it starts with, when not its kind's usual outline. */
    initial?: Uint8Array;
  },
  now = Date.now(),
): Promise<DocumentRow> {
  const row: DocumentRow = {
    id: newId(),
    pole_id: input.poleId,
    kind: input.kind,
    title: input.title,
    circle_id: input.circleId,
    created_by: input.createdBy,
    created_at: now,
    updated_at: now,
    archived_at: null,
  };
  await db.insertInto("documents").values(row).execute();
  const state = input.initial ?? initialState(input.kind);
  if (state) {
    await createKyselyStore(db, () => now).create(row.id, state);
  }
  await indexNewDocument(db, row, state);
  return row;
}

/**
 * What a document's right follows besides its circle, by document id, as far as the caller
 * loaded it: an amendment's document follows its amendment (author, state), a meeting's
 * minutes their meeting (circle, closed).
 */
interface Subjects {
  amendments: ReadonlyMap<string, AmendmentRef>;
  meetings: ReadonlyMap<string, { circleId: string; closed: boolean }>;
}

/** The rights of one person over a pôle's documents. */
function rightOver(
  member: Member,
  userId: string,
  governing: GoverningCircles,
  { amendments, meetings }: Subjects,
) {
  return (row: DocumentRow): DocumentAccess | null => {
    if (row.kind === "amendment") {
      const amendment = amendments.get(row.id);
      return amendment ? amendmentAccess(member, userId, amendment, governing) : null;
    }
    const archived = row.archived_at !== null;
    if (row.kind === "minutes") {
      const meeting = meetings.get(row.id);
      // An archived circle's minutes are frozen like a closed meeting's.
      return meeting
        ? minutesAccess(member, { ...meeting, closed: meeting.closed || archived }, governing)
        : null;
    }
    return documentAccess(member, { kind: row.kind, circleId: row.circle_id, archived }, governing);
  };
}

type Scope = { poleId: string } | { documentId: string };

async function subjectsOf(db: DB, where: Scope): Promise<Subjects> {
  let amendments = db.selectFrom("amendments").select(["document_id", "author_id", "state"]);
  let meetings = db.selectFrom("meetings").select(["document_id", "circle_id", "state"]);
  if ("poleId" in where) {
    amendments = amendments.where("pole_id", "=", where.poleId);
    meetings = meetings.where("pole_id", "=", where.poleId);
  } else {
    amendments = amendments.where("document_id", "=", where.documentId);
    meetings = meetings.where("document_id", "=", where.documentId);
  }
  return {
    amendments: new Map(
      (await amendments.execute()).map((row) => [
        row.document_id,
        { authorId: row.author_id, state: row.state },
      ]),
    ),
    meetings: new Map(
      (await meetings.execute()).map((row) => [
        row.document_id,
        { circleId: row.circle_id, closed: row.state === "closed" },
      ]),
    ),
  };
}

const noSubjects: Subjects = { amendments: new Map(), meetings: new Map() };

/** One person's right over one document row of a pôle they belong to. */
async function accessTo(db: DB, member: Member, userId: string, row: DocumentRow) {
  return (await rightWithCircles(db, member, userId, row)).access;
}

/** What the rule over this one row needs besides the member: its amendment or meeting. */
const subjectsFor = (db: DB, row: DocumentRow) =>
  row.kind === "amendment" || row.kind === "minutes"
    ? subjectsOf(db, { documentId: row.id })
    : noSubjects;

async function rightWithCircles(db: DB, member: Member, userId: string, row: DocumentRow) {
  const subjects = await subjectsFor(db, row);
  const governing = await governingCircles(db, row.pole_id);
  return { access: rightOver(member, userId, governing, subjects)(row), governing };
}

/**
 * A document with its reader, their right and the pôle's governing circles (what the
 * rules on it take); to anyone who cannot read it, `what` is unknown (404).
 */
export async function readerOf(db: DB, userId: string, documentId: string, what = "Document") {
  const { row, member } = (await findDocumentFor(db, documentId, userId)) ?? {};
  if (!row || !member) throw notFound(what);
  const { access, governing } = await rightWithCircles(db, member, userId, row);
  if (!access) throw notFound(what);
  return { row, member, access, governing };
}

/** One person's rights over any document of a pôle: many rows filtered by one rule. */
export async function rightsInPole(
  db: DB,
  { member, userId, poleId }: { member: Member; userId: string; poleId: string },
) {
  const governing = await governingCircles(db, poleId);
  return rightOver(member, userId, governing, await subjectsOf(db, { poleId }));
}

export async function listDocuments(
  { db }: Ctx,
  userId: string,
  { poleId }: { poleId: string },
): Promise<DocumentListItem[]> {
  const member = await requireMember(db, { poleId, userId });
  const rows = await db
    .selectFrom("documents")
    .selectAll()
    .where("pole_id", "=", poleId)
    // Archived documents are listed in the pôle's archives (GET …/archives).
    .where("archived_at", "is", null)
    .orderBy("created_at")
    .execute();
  const access = await rightsInPole(db, { member, userId, poleId });
  return rows.flatMap((row) => {
    const right = access(row);
    return right ? [{ ...presentDocument(row), access: right }] : [];
  });
}

async function findDocument(db: DB, documentId: string) {
  return db.selectFrom("documents").selectAll().where("id", "=", documentId).executeTakeFirst();
}

/**
 * A document and the person reaching for it as seen from its pôle (null: not a member),
 * in one prepared statement: every request on a document takes it.
 */
async function findDocumentFor(db: DB, documentId: string, userId: string): Promise<Found | null> {
  return foundIn(await documentAndSeats(db, { documentId, userId }));
}

/**
 * A document row's columns (its id as document_id, apart from any other table's), named
 * rather than `*`: a prepared statement's columns must not change under it (PostgreSQL
 * refuses a cached plan whose result changed, e.g. during a migration by another instance).
 */
const documentColumns = [
  "documents.id as document_id",
  "documents.pole_id",
  "documents.kind",
  "documents.title",
  "documents.circle_id",
  "documents.created_by",
  "documents.created_at",
  "documents.updated_at",
  "documents.archived_at",
] as const;

const documentAndSeats = prepared((db: DB, value: (name: "documentId" | "userId") => string) =>
  db
    .selectFrom("documents")
    .leftJoin("pole_members", (join) =>
      join
        .onRef("pole_members.pole_id", "=", "documents.pole_id")
        .on("pole_members.user_id", "=", value("userId")),
    )
    .leftJoin("circle_members", seatsOfMember)
    .select([...documentColumns, ...seatColumns])
    .where("documents.id", "=", value("documentId")),
);

/** A person's right over a document, or null when they have none (or it does not exist). */
export async function accessOf(
  { db }: Ctx,
  userId: string,
  { documentId }: { documentId: string },
): Promise<DocumentAccess | null> {
  const { row, member } = (await findDocumentFor(db, documentId, userId)) ?? {};
  if (!row || !member) return null;
  return accessTo(db, member, userId, row);
}

/**
 * Which of these people may read the document: one read of the document and one of their
 * seats, however many they are (notifications, mentions, the `@` list).
 */
export async function readersAmong(
  { db }: Ctx,
  { documentId, userIds }: { documentId: string; userIds: readonly string[] },
): Promise<Set<string>> {
  const row = await findDocument(db, documentId);
  const members = row ? await loadMembers(db, { poleId: row.pole_id, userIds }) : new Map();
  if (!row || members.size === 0) return new Set();
  const subjects = await subjectsFor(db, row);
  const governing = await governingCircles(db, row.pole_id);
  const readers = new Set<string>();
  for (const [userId, member] of members) {
    if (rightOver(member, userId, governing, subjects)(row)) readers.add(userId);
  }
  return readers;
}

/**
 * A document as its reader sees it. Unknown documents and documents of pôles the person is
 * not in are both 404: nothing tells an outsider that the id exists.
 */
export async function openDocument(
  { db }: Ctx,
  userId: string,
  { documentId }: { documentId: string },
): Promise<DocumentDetail> {
  return openFound(db, userId, await findDocumentFor(db, documentId, userId));
}

type Found = { row: DocumentRow; member: Member | null };

async function openFound(db: DB, userId: string, found: Found | null): Promise<DocumentDetail> {
  const { row, member } = found ?? {};
  if (!row || !member) throw notFound("Document");
  const access = await accessTo(db, member, userId, row);
  if (!access) throw forbidden("Vous n'avez pas accès à ce document.");
  return {
    ...presentDocument(row),
    poleId: row.pole_id,
    access,
    archived: row.archived_at !== null,
  };
}

const sessionAndDocument = prepared((db: DB, value: (name: "documentId" | "tokenHash") => string) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("documents", (join) => join.on("documents.id", "=", value("documentId")))
    .leftJoin("pole_members", (join) =>
      join
        .onRef("pole_members.pole_id", "=", "documents.pole_id")
        .onRef("pole_members.user_id", "=", "sessions.user_id"),
    )
    .leftJoin("circle_members", seatsOfMember)
    .select(sessionColumns)
    .select([...documentColumns, ...seatColumns])
    .where("sessions.id", "=", value("tokenHash")),
);

/**
 * A sync upgrade's session and document, read in one statement: thousands of upgrades
 * arrive at once after a restart. The session is settled as validateSessionToken does;
 * `open` then applies openDocument's rules for its person (404, 403).
 */
export async function openDocumentWithToken(
  db: DB,
  token: string,
  documentId: string,
  now = Date.now(),
): Promise<{ validation: SessionValidation; open(): Promise<DocumentDetail> }> {
  const rows = await sessionAndDocument(db, { documentId, tokenHash: hashToken(token) });
  const validation = await settleSession(db, rows[0], now);
  const found = foundIn(rows);
  const { user } = validation;
  return {
    validation,
    // For the session's own person only: the seats were read for them.
    open: () => (user ? openFound(db, user.id, found) : Promise.reject(unauthenticated())),
  };
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

type JoinedDocument = Nullable<Omit<DocumentRow, "id">> & { document_id: string | null };

/** The document and its reader's seats, from rows of both (one per seat); null: no document. */
function foundIn(rows: readonly (JoinedDocument & SeatRow)[]): Found | null {
  const row = rows[0] ? joinedDocument(rows[0]) : null;
  return row ? { row, member: memberFromSeats(rows) } : null;
}

/** The document of a row that read it (null when it was left-joined and not found). */
function joinedDocument(joined: JoinedDocument): DocumentRow | null {
  const { document_id: id, pole_id, kind, title, created_at, updated_at } = joined;
  if (id === null || pole_id === null || kind === null || title === null) return null;
  if (created_at === null || updated_at === null) return null;
  const { circle_id, created_by, archived_at } = joined;
  return { id, pole_id, kind, title, circle_id, created_by, created_at, updated_at, archived_at };
}

export async function createPage(
  { db }: Ctx,
  userId: string,
  { poleId, ...input }: { poleId: string; title: string; circleId: string },
): Promise<DocumentView> {
  const member: Member = await requireMember(db, { poleId, userId });
  const circle = await db
    .selectFrom("circles")
    .select("id")
    .where("id", "=", input.circleId)
    .where("pole_id", "=", poleId)
    .executeTakeFirst();
  if (!circle) throw notFound("Cercle");
  if (!canCreatePage(member, circle.id)) {
    throw forbidden("Seuls les membres de ce cercle peuvent y créer une page.");
  }
  const row = await db.transaction().execute((trx) =>
    insertDocument(trx, {
      poleId,
      kind: "page",
      title: input.title,
      circleId: circle.id,
      createdBy: userId,
    }),
  );
  return presentDocument(row);
}
