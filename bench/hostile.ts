/**
 * Hostile input: each crafted update (yjs issue #687 and its kin, see
 * tests/torture/crafted.ts) sent by an authenticated member to a real Maillage; the
 * verdict and the longest event-loop stall it caused, while an honest pair keeps editing.
 */
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import { updateLimits } from "../server/sync/guard";
import { craftedUpdates } from "../tests/torture/crafted";
import { startServer } from "./lib/servers";
import { copyTemplate, memberHeaders } from "./lib/setup";
import { fmt, sleep } from "./lib/stats";
import type { SuiteContext } from "./lib/suite";
import { WireClient } from "./lib/wire";

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export async function runHostile(context: SuiteContext): Promise<void> {
  const { template, section, emit, summary } = context;
  section("Hostile updates against Maillage: verdict and longest event-loop stall");
  const data = copyTemplate(template);
  const server = await startServer("maillage", { env: { DATA_DIR: data.dir } });
  const page = template.pages[0];
  const url = `${server.url.replace(/^http/, "ws")}/sync/${page}`;
  const honest = [0, 1].map(
    (i) =>
      new WireClient({
        url,
        docName: page,
        flavour: "yws",
        headers: memberHeaders(template, server.url, i),
        full: true,
      }),
  );
  try {
    for (const client of honest) await client.connect();
    while (!honest.every((c) => c.synced)) await sleep(10);
    const rows: string[][] = [];
    // What this machine's scheduler alone does to the measure, with nothing sent.
    await server.stats({ resetLoop: true });
    await sleep(1000);
    const idle = await server.stats();
    rows.push(["(nothing sent: noise floor)", "0.0", "—", fmt(idle.loopDelayMax, 0)]);
    let worst = 0;
    let honestRefused = 0;
    for (const crafted of craftedUpdates()) {
      await sleep(100);
      await server.stats({ resetLoop: true });
      const socket = new WebSocket(url, { headers: memberHeaders(template, server.url, 2) });
      socket.on("error", () => {});
      await new Promise<void>((resolve, reject) => {
        socket.once("open", () => resolve());
        socket.once("unexpected-response", () => reject(new Error("upgrade refused")));
      });
      const closed = new Promise<number>((resolve) =>
        socket.once("close", (code) => resolve(code)),
      );
      socket.send(updateMessage(crafted.update));
      // Large updates are judged in the worker (within its 2 s timeout).
      const wait = crafted.update.byteLength > updateLimits.inlineBytes ? 2500 : 500;
      const code = await Promise.race([closed, sleep(wait).then(() => 0)]);
      const stats = await server.stats();
      socket.terminate();
      worst = Math.max(worst, stats.loopDelayMax);
      if (crafted.honest && code !== 0) honestRefused++;
      rows.push([
        crafted.name,
        fmt(crafted.update.byteLength / 1024, 1),
        code === 0 ? "accepted" : `closed ${code}`,
        fmt(stats.loopDelayMax, 0),
      ]);
    }
    // The honest pair still edits together.
    honest[0].type("~encore là~");
    const deadline = Date.now() + 5000;
    while (!honest[1].text().includes("~encore là~") && Date.now() < deadline) await sleep(10);
    const alive = honest[1].text().includes("~encore là~");
    emit(["update", "KiB", "verdict", "max loop stall ms"], rows);
    summary(
      `Hostile input: longest event-loop stall ${fmt(worst, 0)} ms over ${rows.length - 1} crafted ` +
        `updates (goal ≤ 100 ms); honest ones refused: ${honestRefused}; honest clients still ` +
        `syncing: ${alive ? "yes" : "NO"}`,
    );
  } finally {
    for (const client of honest) client.close();
    await server.stop();
    data.remove();
  }
}
