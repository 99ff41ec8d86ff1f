/** Starts the servers under test as child processes and talks to them over IPC. */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildMessage, ParentMessage, ServerStats } from "./ipc";

export type ServerKind =
  | "maillage"
  | "reference"
  | "reference-leveldb"
  | "hocuspocus"
  | "hocuspocus-sqlite";

export const serverKinds: readonly ServerKind[] = [
  "maillage",
  "reference",
  "reference-leveldb",
  "hocuspocus",
  "hocuspocus-sqlite",
];

export const serverLabels: Record<ServerKind, string> = {
  maillage: "Maillage",
  reference: "y-websocket ref",
  "reference-leveldb": "y-websocket ref + LevelDB",
  hocuspocus: "Hocuspocus",
  "hocuspocus-sqlite": "Hocuspocus + SQLite",
};

/** The peers that store what they are sent, as their users run them when data must survive. */
export const persistedPeers: readonly ServerKind[] = ["reference-leveldb", "hocuspocus-sqlite"];

/** How clients reach a document: Maillage's and the reference's URL per document, or Hocuspocus's. */
export const protocolOf: Record<ServerKind, "maillage" | "yws" | "hocuspocus"> = {
  maillage: "maillage",
  reference: "yws",
  "reference-leveldb": "yws",
  hocuspocus: "hocuspocus",
  "hocuspocus-sqlite": "hocuspocus",
};

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoDir = join(benchDir, "..");

export interface RunningServer {
  kind: ServerKind;
  url: string;
  pid: number;
  child: ChildProcess;
  stats(options?: { gc?: boolean; resetLoop?: boolean }): Promise<ServerStats>;
  /** Graceful stop (Maillage stores every document first). */
  stop(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Writes a .cpuprofile of the server into this folder when it stops. */
  profileDir?: string;
  /** Extra node flags, e.g. --max-old-space-size. */
  nodeFlags?: string[];
}

export function startServer(kind: ServerKind, options: StartOptions = {}): Promise<RunningServer> {
  const flags = ["--expose-gc", ...(options.nodeFlags ?? [])];
  if (options.profileDir) flags.push("--cpu-prof", `--cpu-prof-dir=${options.profileDir}`);
  const child = spawn(
    process.execPath,
    [...flags, "--import", "tsx", join(benchDir, "servers", `${kind}.ts`)],
    {
      cwd: repoDir,
      env: { ...process.env, NODE_ENV: "production", ...options.env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  let nextId = 1;
  const waiting = new Map<number, (message: ChildMessage) => void>();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const request = (message: ParentMessage) =>
    new Promise<ChildMessage>((resolve, reject) => {
      if (!child.connected) {
        reject(new Error(`${kind} server is not running`));
        return;
      }
      waiting.set(message.id, resolve);
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      for (const [, answer] of waiting) answer({ type: "stopped", id: -1 });
      reject(new Error(`${kind} server exited with ${code} before it was ready`));
    });
    child.on("message", (message: ChildMessage) => {
      if (message.type === "ready") {
        resolve({
          kind,
          url: message.url,
          pid: child.pid ?? 0,
          child,
          async stats(opts = {}) {
            const answer = await request({ cmd: "stats", id: nextId++, ...opts });
            if (answer.type !== "stats") throw new Error(`${kind} server stopped`);
            return answer.stats;
          },
          async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return;
            await Promise.race([request({ cmd: "stop", id: nextId++ }).catch(() => {}), exited]);
            await exited;
          },
          async kill(signal = "SIGKILL") {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      } else {
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
      }
    });
  });
}

/**
 * Resolves once `servers` together use under a tenth of a core over half a second (or
 * after `timeoutMs`): what was sent to them before is then handled, stored and relayed.
 */
export async function quiet(servers: readonly RunningServer[], timeoutMs = 60_000): Promise<void> {
  const cpu = async () =>
    (await Promise.all(servers.map((server) => server.stats()))).reduce((sum, s) => sum + s.cpu, 0);
  const deadline = Date.now() + timeoutMs;
  let before = await cpu();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await cpu();
    if (now - before < 0.05) return;
    before = now;
  }
}
