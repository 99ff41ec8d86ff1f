/** Maillage as the bench runs it: the real server through startMaillage, on loopback. */
import { parseEnv } from "../../server/env";
import { startMaillage } from "../../server/main";
import { serveParent } from "../lib/ipc";

const maillage = await startMaillage(
  parseEnv({
    ...process.env,
    PORT: process.env.PORT ?? "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  }),
);
serveParent(maillage.url, () => maillage.sync.stats(), maillage.close);
