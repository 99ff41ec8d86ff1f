/** Start-up: environment, database, migrations, HTTP + WebSocket server, graceful shutdown. */
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import pino, { type Logger } from "pino";
import { WebSocketServer } from "ws";
import { createApp } from "./app";
import { sessionExpiry } from "./auth/sessions";
import type { DB } from "./db/database";
import { migrateToLatest } from "./db/migrate";
import { type AccessEvent, createAccessEvents } from "./domain/access-events";
import { createEditRecorder } from "./domain/activity/edits";
import { followAmendmentDecisions } from "./domain/amendment-adoption";
import { followAnchors } from "./domain/comments/attachment";
import { startDecisionCloser } from "./domain/decision-closer";
import { accessOf } from "./domain/documents";
import { startNotificationJobs } from "./domain/notifications/jobs";
import { mentionsIn, notifyMentions } from "./domain/notifications/mentions";
import { createPoleEvents } from "./domain/pole-events";
import { takeAutoVersion } from "./domain/versions";
import { type Env, parseEnv } from "./env";
import { createMailer } from "./mail/smtp";
import { createProjections } from "./projections";
import { openDeployment } from "./scale/deployment";
import { indexWhatIsMissing } from "./search/refresh";
import { createSyncServer, MAX_FRAME_BYTES, type SyncServer } from "./sync";

/**
 * Connections the kernel holds until the server accepts them. Node's default, 511, is
 * overflowed when thousands of clients reconnect at once (a restart, an instance killed):
 * the kernel drops their SYNs and each one waits 1, then 3 s more before retrying. Linux
 * caps it at net.core.somaxconn (4096 by default).
 */
const LISTEN_BACKLOG = 4096;

export interface Maillage {
  url: string;
  db: DB;
  sync: SyncServer;
  /** Stops accepting, stores every loaded document, closes the database. Idempotent. */
  close(): Promise<void>;
}

/** The sync layer follows what the domain announces: rights, sessions, moved documents. */
function followAccess(sync: SyncServer, event: AccessEvent, logger: Logger): void {
  const failed = (err: unknown) => logger.error({ err, event }, "access re-check failed");
  switch (event.type) {
    case "rights-changed":
      sync.recheckUser(event.userId).catch(failed);
      break;
    case "document-moved":
      sync.recheckDocument(event.documentId).catch(failed);
      break;
    case "sessions-ended":
      sync.endSessions(event.sessionIds);
      break;
    case "user-sessions-ended":
      sync.endUserSessions(event.userId, event.except);
      break;
  }
}

export async function startMaillage(config: Env): Promise<Maillage> {
  const logger = pino({ level: config.LOG_LEVEL });
  const deployment = await openDeployment(config, logger);
  const { db } = deployment;
  try {
    await migrateToLatest(db);
  } catch (error) {
    await deployment.close();
    await db.destroy();
    throw error;
  }

  const events = createAccessEvents();
  const poleEvents = createPoleEvents();
  await deployment.sharePoleEvents(poleEvents);
  const decisionCloser = await startDecisionCloser({ db, poleEvents }, logger);
  const project = createProjections(db);
  const recordEdit = createEditRecorder({ db, poleEvents }, (err) =>
    logger.error({ err }, "recording an edit failed"),
  );
  const anchors = followAnchors({ db, poleEvents });
  const sync = createSyncServer({
    db,
    sqlite: deployment.sqlite,
    store: deployment.store,
    fanout: deployment.fanout,
    logger,
    accessOf: (userId, documentId) => accessOf({ db }, userId, { documentId }),
    sessionExpiry: (sessionId) => sessionExpiry(db, sessionId),
    unloadDelayMs: config.DOC_UNLOAD_DELAY_SECONDS * 1000,
    onEdited: (documentId, userId) => recordEdit(documentId, userId),
    onStored: async (documentId, doc) => {
      const mentions = mentionsIn(doc);
      await Promise.all([
        project(documentId, doc),
        takeAutoVersion(db, { documentId, doc }),
        anchors(documentId, doc),
        notifyMentions({ db, poleEvents }, { documentId, mentions }),
      ]);
    },
  });
  events.subscribe((event) => followAccess(sync, event, logger));
  await deployment.shareAccess(events, (event) => followAccess(sync, event, logger));
  const amendments = followAmendmentDecisions({ db, live: sync, events, poleEvents }, logger);
  // Off the start-up path: a large older database is indexed while the server already serves.
  indexWhatIsMissing(db, project).catch((err) => logger.error({ err }, "search backfill failed"));

  // The sync layer keeps its own connections: ws's set of clients would cost each socket
  // an entry and a close listener of its own, for nothing.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    clientTracking: false,
  });
  // The app needs PUBLIC_URL, which defaults to the bound address (PORT=0 picks a free port).
  let app: ReturnType<typeof createApp> | undefined;
  const server = createAdaptorServer({
    fetch: (request, bindings) =>
      app ? app.fetch(request, bindings) : new Response("Starting", { status: 503 }),
    hostname: config.HOST,
    websocket: { server: wss },
  });
  await new Promise<void>((resolve) => {
    server.listen({ port: config.PORT, host: config.HOST, backlog: LISTEN_BACKLOG }, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}`;
  const publicUrl = config.PUBLIC_URL ?? url;
  const mailer = createMailer(config.SMTP_URL, publicUrl);
  app = createApp({
    ctx: {
      db,
      events,
      mailer,
      publicUrl,
      allowPoleCreation: config.ALLOW_POLE_CREATION,
      poleEvents,
      live: sync,
    },
    config: { ...config, PUBLIC_URL: publicUrl },
    logger,
    sync,
    limits: deployment.limits,
  });
  const notificationJobs = startNotificationJobs(
    { db, poleEvents, publicUrl, mailer },
    { digestHour: config.DIGEST_HOUR },
    logger,
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if ("closeIdleConnections" in server) server.closeIdleConnections();
      decisionCloser.stop();
      amendments.stop();
      await notificationJobs.stop();
      await amendments.settled();
      await sync.close();
      wss.close();
      if ("closeAllConnections" in server) server.closeAllConnections();
      await stopped;
      await deployment.close();
      await db.destroy();
    })();
    return closing;
  };
  return { url, db, sync, close };
}

async function main() {
  const config = parseEnv();
  const maillage = await startMaillage(config);
  console.log(`Maillage listening on ${maillage.url}`);
  const shutdown = (signal: string) => {
    console.log(`${signal} received: storing documents and closing…`);
    maillage.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // A stray rejection (a socket gone mid-write, a hook that failed) is logged; the
  // workspace keeps serving everyone else.
  process.on("unhandledRejection", (reason) => console.error("unhandled rejection:", reason));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
