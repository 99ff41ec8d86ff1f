/** Parent side of the load processes: spreads clients over them and merges their reports. */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import type { LoadAnswer, LoadClient, LoadCommand, LoadReport, Move, RunPlan } from "./load-child";
import { benchDir, repoDir } from "./servers";
import { sleep } from "./stats";

export class LoadFleet {
  private readonly children: ChildProcess[] = [];
  private readonly waiters = new Map<ChildProcess, (answer: LoadAnswer) => void>();

  constructor(processes: number) {
    for (let i = 0; i < processes; i++) {
      const child = spawn(
        process.execPath,
        ["--max-old-space-size=4096", "--import", "tsx", join(benchDir, "lib", "load-child.ts")],
        { cwd: repoDir, stdio: ["ignore", "inherit", "inherit", "ipc"] },
      );
      child.on("message", (answer: LoadAnswer) => {
        const waiter = this.waiters.get(child);
        this.waiters.delete(child);
        waiter?.(answer);
      });
      this.children.push(child);
    }
  }

  /** Connects every client (round-robin over the processes) and waits for their sync. */
  async connect(clients: LoadClient[], timeoutMs = 120_000) {
    const shares = this.share(clients);
    const answers = await Promise.all(
      this.children.map((child, i) =>
        this.ask(child, { cmd: "connect", clients: shares[i], concurrency: 32, timeoutMs }),
      ),
    );
    let failed = 0;
    let unsynced = 0;
    for (const answer of answers) {
      if (answer.type === "connected") {
        failed += answer.failed;
        unsynced += answer.unsynced;
      }
    }
    return { failed, unsynced };
  }

  /** Opens, syncs and closes each client in turn; resolves with the failures. */
  async cycle(clients: LoadClient[], concurrency = 8): Promise<number> {
    const shares = this.share(clients);
    const answers = await Promise.all(
      this.children.map((child, i) =>
        this.ask(child, { cmd: "cycle", clients: shares[i], concurrency }),
      ),
    );
    return answers.reduce((sum, a) => sum + (a.type === "cycled" ? a.failed : 0), 0);
  }

  /**
   * Reconnects every client, or with `move` those of a dead instance to another (jittered,
   * with back-off); resolves with the clients left unsynced, the attempts that failed, and
   * when each client synced (ms after the command).
   */
  async reconnect(
    maxDelayMs: number,
    move?: Move,
  ): Promise<{ unsynced: number; retries: number; syncedAfterMs: number[] }> {
    const answers = await Promise.all(
      this.children.map((child) => this.ask(child, { cmd: "reconnect", maxDelayMs, move })),
    );
    let unsynced = 0;
    let retries = 0;
    const syncedAfterMs: number[] = [];
    for (const answer of answers) {
      if (answer.type !== "reconnected") continue;
      unsynced += answer.unsynced;
      retries += answer.retries;
      syncedAfterMs.push(...answer.syncedAfterMs);
    }
    return { unsynced, retries, syncedAfterMs };
  }

  /** Runs the plan in every process; resolves with the writes per document. */
  async run(plan: Omit<RunPlan, "startAt">): Promise<Map<string, number>> {
    const startAt = Date.now() + 300;
    const answers = await Promise.all(
      this.children.map((child) => this.ask(child, { cmd: "run", plan: { ...plan, startAt } })),
    );
    const writes = new Map<string, number>();
    for (const answer of answers) {
      if (answer.type !== "ran") continue;
      for (const [doc, count] of Object.entries(answer.writes)) {
        writes.set(doc, (writes.get(doc) ?? 0) + count);
      }
    }
    return writes;
  }

  async delivered(): Promise<number> {
    const answers = await Promise.all(this.children.map((c) => this.ask(c, { cmd: "progress" })));
    return answers.reduce((sum, a) => sum + (a.type === "progress" ? a.delivered : 0), 0);
  }

  /** Waits until `expected` deliveries arrived, or `timeoutMs` passed without progress. */
  async drain(expected: number, timeoutMs = 5000): Promise<number> {
    let last = -1;
    let lastChange = Date.now();
    for (;;) {
      const now = await this.delivered();
      if (now >= expected) return now;
      if (now !== last) {
        last = now;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > timeoutMs) return now;
      await sleep(50);
    }
  }

  async finish(): Promise<LoadReport> {
    const answers = await Promise.all(this.children.map((c) => this.ask(c, { cmd: "finish" })));
    const merged: LoadReport = {
      latencies: [],
      placed: { same: [], cross: [] },
      delivered: 0,
      awareness: 0,
      errors: 0,
      closes: 0,
      docs: {},
    };
    for (const answer of answers) {
      if (answer.type !== "finished") continue;
      const report = answer.report;
      for (const latency of report.latencies) merged.latencies.push(latency);
      for (const latency of report.placed.same) merged.placed.same.push(latency);
      for (const latency of report.placed.cross) merged.placed.cross.push(latency);
      merged.delivered += report.delivered;
      merged.awareness += report.awareness;
      merged.errors += report.errors;
      merged.closes += report.closes;
      for (const [doc, entry] of Object.entries(report.docs)) {
        merged.docs[doc] ??= { hashes: [], markers: [] };
        const into = merged.docs[doc];
        into.hashes.push(...entry.hashes);
        into.markers.push(...entry.markers);
      }
    }
    return merged;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) {
              resolve();
              return;
            }
            child.once("exit", () => resolve());
            child.send({ cmd: "close" } satisfies LoadCommand);
            setTimeout(() => child.kill("SIGKILL"), 5000).unref();
          }),
      ),
    );
  }

  /** The clients, round-robin over the load processes. */
  private share(clients: LoadClient[]): LoadClient[][] {
    const shares = this.children.map(() => [] as LoadClient[]);
    for (let i = 0; i < clients.length; i++) shares[i % shares.length].push(clients[i]);
    return shares;
  }

  private ask(child: ChildProcess, command: LoadCommand): Promise<LoadAnswer> {
    return new Promise((resolve) => {
      this.waiters.set(child, resolve);
      child.send(command);
    });
  }
}
