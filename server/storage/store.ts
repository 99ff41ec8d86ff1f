/**
 * Stored documents: the one place that knows how a document's content is kept — a
 * compacted state (with its state vector) plus an append-only log of the updates accepted
 * since, and its versions (whole states kept apart, so that the live document stays
 * garbage-collected). The sync layer, the domain and the exports all go through this
 * interface; the SQLite implementations are in kysely.ts and sqlite.ts, and another
 * database (PostgreSQL) is built on the same few operations.
 */
import { createHash } from "node:crypto";
import * as Y from "yjs";
import type { VersionKind } from "../../shared/versions";

export interface StoredDocument {
  /** The compacted state, null for a document never compacted. */
  state: Uint8Array | null;
  /** `state`'s state vector, when it was stored with it. */
  stateVector: Uint8Array | null;
  /** Updates appended since, in the order they were accepted. */
  updates: Uint8Array[];
  /** Highest id among `updates` (0 when there are none). */
  lastUpdateId: number;
}

export interface CompactedState {
  readonly update: Uint8Array;
  readonly vector: Uint8Array;
}

export interface AppendedUpdate {
  readonly documentId: string;
  readonly data: Uint8Array;
}

export interface DocumentStore extends VersionStore {
  /**
   * Stores a new document's first state with its state vector, so that it is served
   * undecoded from its very first connection. Fails when the document already has one.
   */
  create(documentId: string, state: Uint8Array): Promise<void>;
  /** What is stored, as it is stored (an unknown document is an empty one). */
  load(documentId: string): Promise<StoredDocument>;
  /** Appends every update in ONE transaction; answers the highest id written per document. */
  append(updates: readonly AppendedUpdate[]): Promise<Map<string, number>>;
  /**
   * In one transaction, stores `state` (with its state vector) and deletes the log rows up
   * to `upToId`, which the state must already contain; answers how many rows went.
   */
  compact(documentId: string, state: CompactedState, upToId: number): Promise<number>;
}

/** A version as listed: everything but its content. */
export interface VersionSummary {
  id: string;
  documentId: string;
  /** Counts up from 1 per document, never reused. */
  number: number;
  kind: VersionKind;
  name: string | null;
  /** SHA-256 of `state`, hex. */
  hash: string;
  /** Bytes of `state`. */
  size: number;
  authorId: string | null;
  createdAt: number;
  decisionId: string | null;
}

/** A version with its content. */
export interface StoredVersion extends VersionSummary {
  /** The document's whole content then, `Y.encodeStateAsUpdateV2`. */
  state: Uint8Array;
  stateVector: Uint8Array;
}

/** What a caller says of a new version; the store numbers it and fingerprints its state. */
export interface NewVersion {
  id: string;
  documentId: string;
  kind: VersionKind;
  name: string | null;
  /** V2-encoded whole state. */
  state: Uint8Array;
  authorId: string | null;
  createdAt: number;
  decisionId: string | null;
}

export interface VersionStore {
  /** Stores a version with the next number of its document, in one transaction. */
  saveVersion(version: NewVersion): Promise<VersionSummary>;
  /** The document's versions, newest (highest number) first. */
  listVersions(documentId: string): Promise<VersionSummary[]>;
  /** One version of this document; null when the id names none of ITS versions. */
  loadVersion(documentId: string, versionId: string): Promise<StoredVersion | null>;
  /** Deletes these versions of the document; answers how many went. */
  deleteVersions(documentId: string, versionIds: readonly string[]): Promise<number>;
}

/** The hex SHA-256 of a state: equal hashes, unchanged document. */
export const stateHash = (state: Uint8Array) => createHash("sha256").update(state).digest("hex");

/** A state and its vector, ready to store. */
export const compactedState = (update: Uint8Array): CompactedState => ({
  update,
  vector: Y.encodeStateVectorFromUpdate(update),
});

/**
 * Applies what is stored to `doc` in one transaction (one round of observers), one update
 * at a time into a live doc: never Y.mergeUpdates over a raw log (ARCHITECTURE.md). An
 * update that cannot be applied goes to `onError`, which may rethrow; the rest still loads.
 */
export function replay(
  doc: Y.Doc,
  state: Uint8Array | null,
  updates: readonly Uint8Array[],
  onError: (error: unknown) => void,
): void {
  doc.transact(() => {
    for (const update of state ? [state, ...updates] : updates) {
      try {
        Y.applyUpdate(doc, update);
      } catch (error) {
        onError(error);
      }
    }
  });
}

const rethrow = (error: unknown) => {
  throw error;
};

/** The document as a Y.Doc, for whoever only reads it (exports, checks). The caller destroys it. */
export async function loadDoc(store: DocumentStore, documentId: string): Promise<Y.Doc> {
  const { state, updates } = await store.load(documentId);
  const doc = new Y.Doc({ gc: true });
  replay(doc, state, updates, rethrow);
  return doc;
}

/**
 * The document's whole content as one state, without decoding it when the stored state
 * already is that (no log since it was compacted); null for a document with no content.
 */
export async function readState(
  store: DocumentStore,
  documentId: string,
): Promise<CompactedState | null> {
  const { state, stateVector, updates } = await store.load(documentId);
  if (state && stateVector && updates.length === 0) return { update: state, vector: stateVector };
  if (!state && updates.length === 0) return null;
  const doc = new Y.Doc({ gc: true });
  try {
    replay(doc, state, updates, rethrow);
    return { update: Y.encodeStateAsUpdate(doc), vector: Y.encodeStateVector(doc) };
  } finally {
    doc.destroy();
  }
}
