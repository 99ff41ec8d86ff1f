/**
 * The scaffold every integration file repeated: a real server (with a founded pôle) for
 * the enclosing file or `describe`, started before its tests and closed after them, with
 * the documents the tests left open closed first. Its parts are read once the tests run:
 * `const t = withPole(); … t.server.url, t.pole.poleId`.
 */
import { afterAll, beforeAll } from "vitest";
import {
  type FoundedPole,
  startPole,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from "./server";
import { closeDocuments } from "./sync-client";

function startedAround<T extends { server: TestServer }>(start: () => Promise<T>): () => T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    closeDocuments();
    await started?.server.close();
  });
  return () => {
    if (!started) throw new Error("The server starts in beforeAll: read it from a test or hook.");
    return started;
  };
}

/** Options, or a function giving them once what they name has started (an SMTP server…). */
type Options = TestServerOptions | (() => TestServerOptions);
const optionsOf = (options: Options) => (typeof options === "function" ? options() : options);

/** A fresh server with no pôle yet (set-up tests). */
export function withServer(options: Options = {}): { readonly server: TestServer } {
  const started = startedAround(async () => ({
    server: await startTestServer(optionsOf(options)),
  }));
  return {
    get server() {
      return started().server;
    },
  };
}

/** A server with a founded pôle: where most integration tests start. */
export function withPole(options: Options = {}): {
  readonly server: TestServer;
  readonly pole: FoundedPole;
} {
  const started = startedAround(() => startPole(optionsOf(options)));
  return {
    get server() {
      return started().server;
    },
    get pole() {
      return started().pole;
    },
  };
}
