/**
 * Permission races: a member keeps writing, from several connections, while a coordinator
 * removes them from the page's circle. Nothing they send after the removal answered may
 * be stored or relayed; what they wrote before it is kept.
 */
import type { WireClient } from "../../bench/lib/wire";
import { client as api } from "../helpers/server";
import {
  browser,
  markersIn,
  markersInUpdate,
  prepareInstance,
  sleep,
  startChild,
  storedBody,
  waitFor,
} from "./lib";

export interface RaceOptions {
  rounds: number;
  /** Connections of the member being removed. */
  connections: number;
  log?: (line: string) => void;
}

export interface RaceResult {
  rounds: number;
  /** Writes sent before the removal answered (some stored, all may be). */
  before: number;
  /** Writes sent after it. */
  after: number;
  /** Of those, stored or relayed: must be none. */
  leaked: string[];
}

export async function permissionRace(options: RaceOptions): Promise<RaceResult> {
  const instance = await prepareInstance(options.rounds, 1);
  const page = instance.pages[0];
  const server = await startChild(instance.dataDir);
  const leaked: string[] = [];
  let before = 0;
  let after = 0;
  const relayed = new Set<string>();
  const lateAll = new Set<string>();
  const watcher = browser(server, instance.coordinator, page, {
    onUpdate: (update) => {
      for (const marker of markersInUpdate(update)) relayed.add(marker);
    },
  });
  try {
    await watcher.connect();
    await waitFor(() => watcher.synced, "the coordinator to sync");
    const coordination = api(server.url, instance.coordinator.cookie);
    for (let round = 0; round < options.rounds; round++) {
      const member = instance.members[round];
      const clients: WireClient[] = Array.from({ length: options.connections }, () =>
        browser(server, member, page),
      );
      await Promise.all(clients.map((c) => c.connect()));
      await waitFor(() => clients.every((c) => c.synced), "the member to sync");
      let removed = false;
      const late: string[] = [];
      let seq = 0;
      const writing = clients.map((client, i) =>
        setInterval(() => {
          const marker = `~r${round}.${i}.${seq++}~`;
          if (removed) late.push(marker);
          else before++;
          client.type(marker);
        }, 2),
      );
      await sleep(150 + Math.random() * 300);
      const response = await coordination(
        `/api/circles/${instance.coreCircleId}/members/${member.userId}`,
        { method: "DELETE" },
      );
      removed = true;
      if (response.status !== 204) throw new Error(`removal answered ${response.status}`);
      await sleep(300);
      for (const timer of writing) clearInterval(timer);
      after += late.length;
      for (const marker of late) lateAll.add(marker);
      // Give anything that leaked every chance to show up.
      watcher.type(`~mark.${round}~`);
      await sleep(300);
      for (const client of clients) client.close();
      for (const marker of late) if (relayed.has(marker)) leaked.push(`relayed ${marker}`);
      options.log?.(
        `round ${round + 1}: ${before} writes before, ${after} after, ${leaked.length} leaked`,
      );
    }
    server.child.kill("SIGTERM");
    await server.exited;
    for (const marker of markersIn(storedBody(instance.dataDir, page).text)) {
      if (lateAll.has(marker)) leaked.push(`stored ${marker}`);
    }
    return { rounds: options.rounds, before, after, leaked };
  } finally {
    watcher.close();
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    instance.remove();
  }
}
