/**
 * Thousands of connections need as many file descriptors: the server holds one per
 * client, each load process its share. The limit is the shell's `ulimit -n`, which Node
 * cannot raise for itself; the suites check it and say what to run before they start.
 */
import { spawnSync } from "node:child_process";

/** The soft limit on open files this process and its children inherit. */
function openFileLimit(): number {
  const answer = spawnSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).stdout.trim();
  return answer === "unlimited" ? Number.POSITIVE_INFINITY : Number(answer);
}

/** Room for the server's own files, database, Redis and IPC beyond its sockets. */
const margin = 256;

/** Why `connections` sockets on one server would not fit, or null when they do. */
export function descriptorShortage(connections: number): string | null {
  const limit = openFileLimit();
  if (!Number.isFinite(limit) || limit >= connections + margin) return null;
  return (
    `ulimit -n is ${limit}, too low for ${connections} connections on one server: ` +
    `run \`ulimit -n ${connections + 2 * margin}\` (or more) in this shell first`
  );
}

/** Load processes for `clients`: 2,500 clients each at most, 2 at least (as fan-out uses). */
export const loadProcessesFor = (clients: number) => Math.max(2, Math.ceil(clients / 2500));
