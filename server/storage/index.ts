export { createKyselyStore } from "./by-dialect";
export { createPostgresStore } from "./postgres";
export { createSqliteStore } from "./sqlite";
export {
  type AppendedUpdate,
  type CompactedState,
  compactedState,
  type DocumentStore,
  loadDoc,
  type NewVersion,
  readState,
  replay,
  type StoredDocument,
  type StoredVersion,
  stateHash,
  type VersionSummary,
} from "./store";
