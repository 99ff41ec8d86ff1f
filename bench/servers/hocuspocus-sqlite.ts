/**
 * Hocuspocus 4.7.0 as its users run it when data must survive: with its SQLite extension
 * (@hocuspocus/extension-sqlite 4.7.0, on better-sqlite3) and its defaults, which store a
 * document's whole state once its edits pause for 2 s (at the latest every 10 s). The file
 * lives in a temporary folder, removed when the server exits.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SQLite } from "@hocuspocus/extension-sqlite";
import { serveHocuspocus } from "../lib/hocuspocus";

const dir = mkdtempSync(join(tmpdir(), "bench-hocuspocus-sqlite-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
await serveHocuspocus([new SQLite({ database: join(dir, "hocuspocus.sqlite") })]);
