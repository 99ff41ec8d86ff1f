/**
 * Several real instances on one PostgreSQL and one Redis, for the scale-out tests: a
 * fresh database per test file (test-database.ts), a private redis-server on a free port
 * (stopped after), instances as child processes of server/main.ts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { type ChildServer, spawnServer } from "./server";

export { createTestDatabase, type TestDatabase } from "./test-database";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface TestRedis {
  url: string;
  /** Stops redis-server (its data goes: nothing is saved), and starts it again if asked. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A private redis-server on a free loopback port, keeping nothing on disk. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      child = started;
      let output = "";
      started.once("error", (error) =>
        reject(new Error(`redis-server could not start (is it installed?): ${error.message}`)),
      );
      started.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) resolve();
      });
      started.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return resolve();
      running.once("exit", () => resolve());
      running.kill("SIGKILL");
    });
  await start();
  return { url: `redis://127.0.0.1:${port}`, stop, start };
}

export interface Instance extends ChildServer {
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** One more instance of the real server on these URLs (port 0). */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const server = await spawnServer("/nonexistent-data-dir", {
    LOG_LEVEL: "error",
    DOC_UNLOAD_DELAY_SECONDS: "1",
    ...env,
  });
  return {
    ...server,
    async stop() {
      if (server.child.exitCode === null) server.child.kill("SIGTERM");
      await server.exited;
    },
    async kill() {
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
      await server.exited;
    },
  };
}
