// The guard's worker thread: decodes large untrusted updates away from the event loop.
import { parentPort } from "node:worker_threads";
import { inspectUpdate } from "./inspect.mjs";

parentPort?.on("message", ({ id, update, state }) => {
  try {
    const clocks = new Map(state);
    const shape = inspectUpdate(update, (client) => clocks.get(client) ?? 0);
    parentPort?.postMessage({ id, shape });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
