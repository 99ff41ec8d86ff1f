/**
 * The reference y-websocket server with the persistence its bin offers (YPERSISTENCE: every
 * update appended to LevelDB through y-leveldb), in a temporary folder removed at exit.
 * The variable is read when the reference's module loads, hence the import after it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "bench-reference-leveldb-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
process.env.YPERSISTENCE = dir;
await import("./reference");
