/**
 * What one commit of the relay's path costs: N appends of a small update, each in its own
 * transaction as the sync layer makes one per event-loop turn, through the store on the
 * raw SQLite handle that the server uses. Run it under strace to count system calls per
 * commit: the difference between two counts divided by the difference of N.
 *
 *   strace -f -c -o /tmp/commits-0.txt node --import tsx bench/commits.ts 0
 *   strace -f -c -o /tmp/commits-20k.txt node --import tsx bench/commits.ts 20000
 */
import { createSqliteStore } from "../server/storage/sqlite";
import { openDocumentDatabase } from "../tests/helpers/document-db";

const commits = Number(process.argv[2] ?? 10_000);
const database = await openDocumentDatabase("page-1");
const store = createSqliteStore(database.db, database.sqlite);
const update = new Uint8Array(24).fill(7);
const started = performance.now();
for (let i = 0; i < commits; i++) await store.append([{ documentId: "page-1", data: update }]);
const elapsed = performance.now() - started;
console.log(
  `${commits} commits in ${elapsed.toFixed(0)} ms: ${((1000 * elapsed) / Math.max(1, commits)).toFixed(1)} µs each`,
);
await database.remove();
