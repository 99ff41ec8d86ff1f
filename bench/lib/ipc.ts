/**
 * The small IPC protocol between the bench and the servers it starts: each server child
 * announces its URL, answers stats requests (CPU, memory, event-loop delay, its own counts)
 * and stops on request. Only Node's built-in IPC channel is used.
 */
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";

export interface ServerStats {
  /** User + system CPU time of the whole process since it started, in seconds. */
  cpu: number;
  /** Read and write system calls since it started (Linux's /proc; NaN elsewhere). */
  syscalls: number;
  /** Context switches since it started, voluntary or not (Linux's /proc; NaN elsewhere). */
  contextSwitches: number;
  rss: number;
  heapUsed: number;
  /** Of heapUsed, compiled code: the process's, whatever its number of connections. */
  codeUsed: number;
  external: number;
  arrayBuffers: number;
  /** Worst event-loop stall since the previous stats request, in ms. */
  loopDelayMax: number;
  loopDelayP99: number;
  documents: number;
  connections: number;
  /** Documents loaded since start (Maillage only; 0 elsewhere). */
  loads: number;
}

export type ParentMessage =
  | { cmd: "stats"; id: number; gc?: boolean; resetLoop?: boolean }
  | { cmd: "stop"; id: number };

export type ChildMessage =
  | { type: "ready"; url: string }
  | { type: "stats"; id: number; stats: ServerStats }
  | { type: "stopped"; id: number };

interface Counts {
  documents: number;
  connections: number;
  loads?: number;
}

const collect = () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  // Several passes: weak references and finalizers need more than one.
  for (let i = 0; i < 4; i++) gc();
};

/** The kernel's counts of this process, where Linux shows them. */
function kernelCounts(): Pick<ServerStats, "syscalls" | "contextSwitches"> {
  try {
    const io = readFileSync("/proc/self/io", "utf8");
    const status = readFileSync("/proc/self/status", "utf8");
    const count = (text: string, name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? Number.NaN);
    return {
      syscalls: count(io, "syscr") + count(io, "syscw"),
      contextSwitches:
        count(status, "voluntary_ctxt_switches") + count(status, "nonvoluntary_ctxt_switches"),
    };
  } catch {
    return { syscalls: Number.NaN, contextSwitches: Number.NaN };
  }
}

/** Child side: announces `url` and serves stats until told to stop. */
export function serveParent(url: string, counts: () => Counts, stop: () => Promise<void>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error("a bench server must be started with an IPC channel");
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  process.on("message", (message: ParentMessage) => {
    if (message.cmd === "stats") {
      if (message.gc) collect();
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      const stats: ServerStats = {
        cpu: (cpu.user + cpu.system) / 1e6,
        ...kernelCounts(),
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        codeUsed: getHeapSpaceStatistics()
          .filter((space) => space.space_name.startsWith("code_"))
          .reduce((sum, space) => sum + space.space_used_size, 0),
        external: memory.external,
        arrayBuffers: memory.arrayBuffers,
        loopDelayMax: loop.max / 1e6,
        loopDelayP99: loop.percentile(99) / 1e6,
        loads: 0,
        ...counts(),
      };
      if (message.resetLoop) loop.reset();
      send({ type: "stats", id: message.id, stats } satisfies ChildMessage);
    } else if (message.cmd === "stop") {
      loop.disable();
      stop().then(
        () => {
          send({ type: "stopped", id: message.id } satisfies ChildMessage, () => process.exit(0));
        },
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    }
  });
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", url } satisfies ChildMessage);
}
