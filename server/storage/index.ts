export { createKyselyStore } from "./kysely";
export { createSqliteStore } from "./sqlite";
export {
  type AppendedUpdate,
  type CompactedState,
  compactedState,
  type DocumentStore,
  loadDoc,
  readState,
  replay,
  type StoredDocument,
} from "./store";
