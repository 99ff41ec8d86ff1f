/**
 * Kill -9 under load: clients write to several pages, the server is killed with SIGKILL
 * at a random moment, restarted on the same data; everything any client received from
 * the server must be in the restarted server's documents.
 */
import type { WireClient } from "../../bench/lib/wire";
import {
  browser,
  markersIn,
  markersInUpdate,
  prepareInstance,
  sleep,
  startChild,
  waitFor,
} from "./lib";

export interface KillNineOptions {
  clients: number;
  docs: number;
  repeats: number;
  /** Updates per second per client. */
  rate: number;
  log?: (line: string) => void;
}

export interface KillNineResult {
  repeats: number;
  /** Distinct updates some client received from the server before a kill. */
  received: number;
  /** Of those, the ones the restarted server did not have. */
  missing: string[];
}

export async function killNine(options: KillNineOptions): Promise<KillNineResult> {
  const instance = await prepareInstance(Math.min(10, options.clients), options.docs);
  const missing: string[] = [];
  let received = 0;
  try {
    for (let round = 0; round < options.repeats; round++) {
      const seen = instance.pages.map(() => new Set<string>());
      const server = await startChild(instance.dataDir);
      const clients: WireClient[] = [];
      const timers: NodeJS.Timeout[] = [];
      for (let i = 0; i < options.clients; i++) {
        const doc = i % options.docs;
        // Each person's connections spread over the pages: one person's to one page are capped.
        const person = instance.members[Math.floor(i / options.docs) % instance.members.length];
        clients.push(
          browser(server, person, instance.pages[doc], {
            onUpdate: (update) => {
              for (const marker of markersInUpdate(update)) seen[doc].add(marker);
            },
          }),
        );
      }
      await Promise.all(clients.map((c) => c.connect()));
      await waitFor(
        () => clients.every((c) => c.synced),
        () => {
          const late = clients.filter((c) => !c.synced);
          const codes = late.map((c) => (c.closed ? `closed ${c.closeCode}` : "open"));
          return `every client to sync (${late.length} not synced: ${codes.join(", ")})`;
        },
      );
      clients.forEach((client, i) => {
        let seq = 0;
        const timer = setInterval(() => {
          if (!client.closed) client.type(`~${round}.${i}.${seq++}~`);
        }, 1000 / options.rate);
        timers.push(timer);
      });
      await sleep(300 + Math.random() * 1500);
      server.child.kill("SIGKILL");
      await server.exited;
      for (const timer of timers) clearInterval(timer);
      for (const client of clients) client.close();

      const restarted = await startChild(instance.dataDir);
      try {
        for (let doc = 0; doc < options.docs; doc++) {
          const reader = browser(restarted, instance.coordinator, instance.pages[doc]);
          await reader.connect();
          await waitFor(() => reader.synced, "the restarted server to answer");
          const present = new Set(markersIn(reader.text()));
          for (const marker of seen[doc]) {
            received++;
            if (!present.has(marker)) missing.push(marker);
          }
          reader.close();
        }
      } finally {
        restarted.child.kill("SIGTERM");
        await restarted.exited;
      }
      options.log?.(`round ${round + 1}: ${received} received so far, ${missing.length} missing`);
    }
    return { repeats: options.repeats, received, missing };
  } finally {
    instance.remove();
  }
}
