/**
 * CONTRACT.md, "Several instances (scale-out)": real instances (child processes of
 * server/main.ts) on one fresh PostgreSQL database and one private Redis. Every wait is
 * for a condition, with a generous deadline: nothing here measures time.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openPostgres } from "../../server/db/postgres";
import { createPostgresStore, loadDoc } from "../../server/storage";
import { BODY, closeCodes } from "../../shared/documents";
import {
  createTestDatabase,
  type Instance,
  startInstance,
  startRedis,
  type TestDatabase,
  type TestRedis,
} from "../helpers/scale";
import { client, type FoundedPole, joinPole, setUpPole } from "../helpers/server";
import {
  bodyText,
  closeDocument,
  closeDocuments,
  connect,
  eventually,
  type OpenDocument,
  waitFor,
  writeParagraph,
} from "../helpers/sync-client";

const LONG = 60_000;

let database: TestDatabase;
let redis: TestRedis;
let env: Record<string, string>;
let a: Instance;
let b: Instance;
const extra: Instance[] = [];
let pole: FoundedPole;

beforeAll(async () => {
  database = await createTestDatabase();
  redis = await startRedis();
  env = { DATABASE_URL: database.url, REDIS_URL: redis.url };
  [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  pole = await setUpPole(a);
});

afterEach(() => closeDocuments());

afterAll(async () => {
  await Promise.all([a, b, ...extra].filter(Boolean).map((instance) => instance.stop()));
  await redis?.stop();
  await database?.drop();
});

/** The paragraphs of the document as stored in PostgreSQL (state and log). */
async function storedText(documentId: string): Promise<string> {
  const { db } = openPostgres(database.url, 1);
  try {
    const doc = await loadDoc(createPostgresStore(db), documentId);
    const text = bodyText(doc);
    doc.destroy();
    return text;
  } finally {
    await db.destroy();
  }
}

const paragraphs = (document: OpenDocument) =>
  document.doc
    .getXmlFragment(BODY)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toString() : ""));

const contains = (document: OpenDocument, text: string) => bodyText(document.doc).includes(text);

describe("several instances on one PostgreSQL and one Redis", { timeout: LONG * 2 }, () => {
  it("accepts a session made on another instance and converges a document edited on both", async () => {
    const me = await client(b.url, pole.coordinator.cookie)("/api/me");
    expect(me.status).toBe(200);
    const onA = await connect(a, pole.coordinator, pole.documents.charter);
    const onB = await connect(b, pole.coordinator, pole.documents.charter);
    writeParagraph(onA.doc, "écrit sur A");
    writeParagraph(onB.doc, "écrit sur B");
    await waitFor(
      () => [onA, onB].every((d) => contains(d, "écrit sur A") && contains(d, "écrit sur B")),
      "both instances' clients to converge",
      LONG,
    );
    expect(paragraphs(onA)).toEqual(paragraphs(onB));
    await eventually(
      async () => expect(await storedText(pole.documents.charter)).toContain("écrit sur B"),
      LONG,
    );
  });

  it("shows presence across instances", async () => {
    const onA = await connect(a, pole.coordinator, pole.documents.diagnostic);
    const onB = await connect(b, pole.coordinator, pole.documents.diagnostic);
    onA.provider.awareness.setLocalStateField("user", { color: "#123456" });
    await waitFor(
      () => onB.provider.awareness.getStates().has(onA.doc.clientID),
      "A's presence on B",
      LONG,
    );
    closeDocument(onA);
    await waitFor(
      () => !onB.provider.awareness.getStates().has(onA.doc.clientID),
      "A's presence to leave B",
      LONG,
    );
  });

  it("cuts on every instance the sockets of a person whose membership changed on one", async () => {
    const member = await joinPole(a, pole, [{ circleId: pole.circles.steering, role: "member" }]);
    const onB = await connect(b, member, pole.documents.diagnostic);
    const removed = await client(a.url, pole.coordinator.cookie)(
      `/api/circles/${pole.circles.steering}/members/${member.userId}`,
      { method: "DELETE" },
    );
    expect(removed.status).toBe(204);
    await waitFor(
      () => onB.closes.includes(closeCodes.accessChanged),
      "the member's socket on B to be cut",
      LONG,
    );
  });

  it("streams a decision opened through one instance to a page following another", async () => {
    const abort = new AbortController();
    const stream = await fetch(`${b.url}/api/poles/${pole.poleId}/events`, {
      headers: { cookie: pole.coordinator.cookie },
      signal: abort.signal,
    });
    const reader = stream.body?.getReader();
    if (!reader) throw new Error("no event stream");
    let received = "";
    const until = async (text: string) => {
      while (!received.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${text}`);
        received += new TextDecoder().decode(value);
      }
    };
    await until("event: ready");
    const opened = await client(a.url, pole.coordinator.cookie)(
      `/api/poles/${pole.poleId}/decisions`,
      { body: { circleId: pole.circles.steering, title: "Sur A", method: "majority" } },
    );
    expect(opened.status).toBe(201);
    const { id } = (await opened.json()) as { id: string };
    await until(`data: {"type":"decision","id":"${id}"}`);
    abort.abort();
  });

  it("holds login throttling across instances", async () => {
    const { email } = pole.coordinator;
    for (let attempt = 0; attempt < 5; attempt++) {
      const through = attempt % 2 === 0 ? a : b;
      const failed = await client(through.url)("/api/auth/login", {
        body: { email, password: `faux ${attempt}` },
      });
      expect(failed.status).toBe(401);
    }
    for (const through of [a, b]) {
      const refused = await client(through.url)("/api/auth/login", {
        body: { email, password: pole.coordinator.password },
      });
      expect(refused.status).toBe(429);
    }
  });

  it("catches up from PostgreSQL after Redis restarts in the middle of writing", async () => {
    const { onA, onB } = await pageOnBoth("Pendant la coupure");
    writeParagraph(onA.doc, "avant la coupure");
    await waitFor(() => contains(onB, "avant la coupure"), "the first paragraph on B", LONG);
    await redis.stop();
    for (let i = 0; i < 20; i++) {
      writeParagraph(onA.doc, `pendant A ${i}`);
      writeParagraph(onB.doc, `pendant B ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await redis.start();
    writeParagraph(onA.doc, "après la coupure");
    await waitFor(
      () =>
        [onA, onB].every(
          (d) =>
            contains(d, "pendant A 19") &&
            contains(d, "pendant B 19") &&
            contains(d, "après la coupure"),
        ),
      "both clients to catch up after Redis came back",
      LONG,
    );
    expect(paragraphs(onA)).toEqual(paragraphs(onB));
  });

  it("serves a late third instance everything, and relays its edits to the others", async () => {
    const page = await createPage("Arrivée tardive");
    const onA = await connect(a, pole.coordinator, page);
    writeParagraph(onA.doc, "écrit avant C");
    await eventually(async () => expect(await storedText(page)).toContain("écrit avant C"), LONG);
    const c = await startInstance(env);
    extra.push(c);
    const onC = await connect(c, pole.coordinator, page);
    expect(bodyText(onC.doc)).toContain("écrit avant C");
    const onB = await connect(b, pole.coordinator, page);
    writeParagraph(onC.doc, "écrit sur C");
    await waitFor(
      () => contains(onA, "écrit sur C") && contains(onB, "écrit sur C"),
      "C's edit on A and B",
      LONG,
    );
  });

  it("loses nothing relayed when an instance is killed under load, and the others carry on", async () => {
    const page = await createPage("Sous charge");
    const doomed = await startInstance(env);
    const writer = await connect(doomed, pole.coordinator, page);
    const watcher = await connect(a, pole.coordinator, page);
    writer.provider.awareness.setLocalStateField("user", { color: "#654321" });
    const present = () => watcher.provider.awareness.getStates().has(writer.doc.clientID);
    await waitFor(present, "the writer's presence on A", LONG);
    let written = 0;
    const writing = setInterval(() => writeParagraph(writer.doc, `ligne ${written++}`), 5);
    try {
      await waitFor(() => paragraphs(watcher).length >= 40, "the watcher to receive lines", LONG);
      await doomed.kill();
    } finally {
      clearInterval(writing);
    }
    closeDocument(writer);
    const seen = paragraphs(watcher);
    expect(seen.length).toBeGreaterThanOrEqual(40);
    const stored = await storedText(page);
    for (const line of seen) expect(stored).toContain(line);
    // The dead instance's presence goes by its missed heartbeats (about 5 s), well before
    // the 30 s after which a y-websocket client would drop a silent presence by itself.
    await waitFor(() => !present(), "the dead instance's presence to go", 25_000);

    const other = await connect(b, pole.coordinator, page);
    writeParagraph(watcher.doc, "après la panne");
    await waitFor(() => contains(other, "après la panne"), "A's edit on B after the kill", LONG);
  });

  it("refreshes a page's search entries on one instance with everyone's edits, then on another once it is killed", async () => {
    const page = await createPage("Projections partagées");
    const holder = await startInstance(env);
    extra.push(holder);
    const onHolder = await connect(holder, pole.coordinator, page);
    writeParagraph(onHolder.doc, "zephyrin arrive");
    await eventually(async () => expect(await searchHits("zephyrin")).toBe(1), LONG);
    const onB = await connect(b, pole.coordinator, page);
    writeParagraph(onB.doc, "quetzalcoatl aussi");
    await eventually(async () => expect(await searchHits("quetzalcoatl")).toBe(1), LONG);
    await holder.kill();
    closeDocument(onHolder);
    writeParagraph(onB.doc, "ornithorynque ensuite");
    await eventually(async () => expect(await searchHits("ornithorynque")).toBe(1), LONG);
  });

  it("keeps every edit when two instances compact the same document at once", async () => {
    const { page, onA, onB } = await pageOnBoth("Compactions");
    for (let i = 0; i < 30; i++) {
      writeParagraph(onA.doc, `A${i}`);
      writeParagraph(onB.doc, `B${i}`);
    }
    await waitFor(
      () => contains(onA, "B29") && contains(onB, "A29"),
      "both clients to hold every edit",
      LONG,
    );
    // Both instances unload it at about the same time, each compacting what it holds.
    closeDocument(onA);
    closeDocument(onB);
    await eventually(async () => {
      const { db } = openPostgres(database.url, 1);
      try {
        const rows = await db
          .selectFrom("document_updates")
          .select("id")
          .where("document_id", "=", page)
          .execute();
        expect(rows).toEqual([]);
      } finally {
        await db.destroy();
      }
    }, LONG);
    const stored = await storedText(page);
    for (let i = 0; i < 30; i++) {
      expect(stored).toContain(`A${i}<`);
      expect(stored).toContain(`B${i}<`);
    }
  });

  it("refuses to start a second instance on the same database without REDIS_URL", async () => {
    await expect(startInstance({ DATABASE_URL: database.url })).rejects.toThrow(
      /Another instance serves this DATABASE_URL|several instances need REDIS_URL/,
    );
  });
});

/** How many search hits the coordinator gets for `word` (asked through instance A). */
async function searchHits(word: string): Promise<number> {
  const res = await client(
    a.url,
    pole.coordinator.cookie,
  )(`/api/poles/${pole.poleId}/search?q=${encodeURIComponent(word)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as unknown[]).length;
}

async function createPage(title: string): Promise<string> {
  const created = await client(a.url, pole.coordinator.cookie)(
    `/api/poles/${pole.poleId}/documents`,
    { body: { kind: "page", title, circleId: pole.circles.core } },
  );
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** A new page, open on instance A and on instance B. */
async function pageOnBoth(title: string) {
  const page = await createPage(title);
  const onA = await connect(a, pole.coordinator, page);
  const onB = await connect(b, pole.coordinator, page);
  return { page, onA, onB };
}
