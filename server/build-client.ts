/**
 * `npm start` runs this first: it builds the client when dist/client is missing or older
 * than any source it is made from, so a fresh clone starts with one command.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";

const sources = ["client", "shared", "vite.config.ts", "package.json"];
const output = join(process.env.CLIENT_DIST ?? "dist/client", "index.html");

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (latest, entry) => Math.max(latest, newest(join(path, entry))),
    0,
  );
}

const stale =
  !existsSync(output) ||
  statSync(output).mtimeMs < Math.max(...sources.filter(existsSync).map(newest));

if (stale) {
  console.log("Building the client…");
  await build({ logLevel: "warn" });
} else {
  console.log("Client build is up to date.");
}
