/**
 * Notifications against a real server: mentions written through sync notify once and are
 * e-mailed through a real SMTP server, preferences and one-click unsubscribing, rights
 * (nobody is told of what they cannot read; others' notifications are 404), and the
 * daily digest sent once across a crash in the middle of sending.
 */

import * as buffer from "lib0/buffer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sendDueMails } from "../../server/domain/notifications/mail-sending";
import { sendReminders } from "../../server/domain/notifications/reminders";
import { notifyComment } from "../../server/domain/notifications/triggers";
import { createPoleEvents } from "../../server/domain/pole-events";
import { createMailer } from "../../server/mail/smtp";
import { BODY } from "../../shared/documents";
import { expectError } from "../helpers/contract";
import { withPole } from "../helpers/fixture";
import { listenToPole } from "../helpers/pole-events";
import {
  client,
  type FoundedPole,
  inviteNewcomer,
  joinPole,
  type Person,
  spawnServer,
  startPole,
  startTestServer,
} from "../helpers/server";
import { type Mail, startSmtp, type TestSmtp } from "../helpers/smtp";
import { closeDocuments, connect, eventually, waitFor } from "../helpers/sync-client";

interface Listed {
  unread: number;
  notifications: Array<{ id: string; kind: string; title: string; link: string; read: boolean }>;
}

/** A paragraph mentioning a person, as the editor's mention node stores it. */
function writeMention(doc: Y.Doc, person: { userId: string }, uid: string) {
  const mention = new Y.XmlElement("mention");
  mention.setAttribute("id", person.userId);
  mention.setAttribute("label", "quelqu'un");
  mention.setAttribute("uid", uid);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Source à vérifier, "), mention]);
  const body = doc.getXmlFragment(BODY);
  body.insert(body.length, [paragraph]);
}

/** The coordinator plans a meeting of the noyau dur for tomorrow; answers its id. */
async function planCoreMeeting(server: { url: string }, pole: FoundedPole, title: string) {
  const planned = await client(server.url, pole.coordinator.cookie)(
    `/api/poles/${pole.poleId}/meetings`,
    {
      body: {
        circleId: pole.circles.core,
        title,
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    },
  );
  expect(planned.status).toBe(201);
  const { id } = await planned.json();
  return id as string;
}

const unsubscribeUrlOf = (mail: Mail) => {
  const url = /^List-Unsubscribe:\s*<([^>]+)>/m.exec(mail.head)?.[1];
  if (!url) throw new Error(`no List-Unsubscribe header in:\n${mail.head}`);
  return url;
};

describe("mentions, notifications and their e-mails", () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  const t = withPole(() => ({ env: { SMTP_URL: smtp.url } }));
  afterEach(() => closeDocuments());

  const list = async (person: Person): Promise<Listed> => {
    const res = await client(
      t.server.url,
      person.cookie,
    )(`/api/poles/${t.pole.poleId}/notifications`);
    expect(res.status).toBe(200);
    return res.json();
  };
  const mailsTo = (person: Person) => smtp.mails.filter((mail) => mail.to.includes(person.email));

  it("a mention written in a document notifies the person once and e-mails them at once", async () => {
    const bea = await joinPole(t.server, t.pole, [], "Béa Mention");
    const editor = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    writeMention(editor.doc, bea, "mention-1");

    const listed = await eventually(async () => {
      const found = await list(bea);
      expect(found.notifications.map((n) => n.kind)).toEqual(["mention"]);
      return found;
    });
    expect(listed.unread).toBe(1);
    expect(listed.notifications[0]?.link).toBe(`/d/${t.pole.documents.diagnostic}`);
    const mail = await eventually(() => {
      const [only] = mailsTo(bea);
      expect(only?.subject).toMatch(/vous a mentionné·e dans « .+ »/);
      return only;
    });
    expect(mail?.text).toContain(`${t.server.url}/d/${t.pole.documents.diagnostic}`);
    expect(mail?.head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    // More edits store the document again: the same mention notifies nobody twice.
    editor.doc.getXmlFragment(BODY).insert(0, [new Y.XmlElement("paragraph")]);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await list(bea)).notifications).toHaveLength(1);
    expect(mailsTo(bea)).toHaveLength(1);
  });

  it("never notifies people outside the pôle, and others' notifications are 404", async () => {
    const bea = await joinPole(t.server, t.pole, [], "Béa Droits");
    const carl = await joinPole(t.server, t.pole, [], "Carl Droits");
    // Someone of another pôle only, on the same instance.
    const other = await client(t.server.url, t.pole.coordinator.cookie)("/api/poles", {
      body: { name: "Pôle Voisin" },
    });
    expect(other.status).toBe(201);
    const { id: otherPoleId } = await other.json();
    const outsider = await inviteNewcomer(t.server, t.pole.coordinator, otherPoleId, []);

    const editor = await connect(t.server, t.pole.coordinator, t.pole.documents.charter);
    writeMention(editor.doc, outsider, "mention-outsider");
    writeMention(editor.doc, bea, "mention-bea");
    const [notification] = await eventually(async () => {
      const found = (await list(bea)).notifications;
      expect(found).toHaveLength(1);
      return found;
    });
    const stored = await t.server.maillage.db
      .selectFrom("notifications")
      .select("id")
      .where("recipient_id", "=", outsider.userId)
      .execute();
    expect(stored).toEqual([]);
    expect(mailsTo(outsider)).toEqual([]);

    if (!notification) throw new Error("no notification");
    await expectError(
      await client(t.server.url, carl.cookie)(`/api/notifications/${notification.id}/read`, {
        method: "POST",
      }),
      404,
      "not_found",
    );
    await expectError(
      await client(t.server.url, outsider.cookie)(`/api/poles/${t.pole.poleId}/notifications`),
      404,
      "not_found",
    );
    expect((await list(bea)).unread).toBe(1);
    const read = await client(t.server.url, bea.cookie)(
      `/api/notifications/${notification.id}/read`,
      { method: "POST" },
    );
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: notification.id, read: true });
    expect((await list(bea)).unread).toBe(0);
  });

  it("sends no e-mail of a kind the person turned off, and refuses unknown preferences", async () => {
    const bea = await joinPole(t.server, t.pole, [], "Béa Silence");
    const api = client(t.server.url, bea.cookie);
    await expectError(
      await api("/api/me/notification-preferences", {
        method: "PUT",
        body: { preferences: [{ kind: "mention", frequency: "hourly" }] },
      }),
      400,
      "invalid_input",
    );
    const set = await api("/api/me/notification-preferences", {
      method: "PUT",
      body: { preferences: [{ kind: "mention", frequency: "off" }] },
    });
    expect(set.status).toBe(200);
    expect((await set.json()).preferences).toContainEqual({ kind: "mention", frequency: "off" });

    const editor = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    writeMention(editor.doc, bea, "mention-silent");
    await eventually(async () => expect((await list(bea)).notifications).toHaveLength(1));
    // The mail job has settled it: no e-mail will ever carry it.
    await waitFor(async () => {
      const row = await t.server.maillage.db
        .selectFrom("notifications")
        .select("mail_id")
        .where("recipient_id", "=", bea.userId)
        .executeTakeFirstOrThrow();
      return row.mail_id !== null;
    }, "the mail job to pass");
    expect(mailsTo(bea)).toEqual([]);
  });

  it("e-mails no digest of a pôle the person has left", async () => {
    const bea = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.core, role: "member" },
    ]);
    const carl = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.core, role: "member" },
    ]);
    const api = client(t.server.url, t.pole.coordinator.cookie);
    const meetingId = await planCoreMeeting(t.server, t.pole, "Noyau dur après départ");
    for (const person of [bea, carl]) {
      const task = await api(`/api/meetings/${meetingId}/tasks`, {
        body: { title: "Relire le compte rendu", assigneeId: person.userId },
      });
      expect(task.status).toBe(201);
    }
    const removed = await api(`/api/poles/${t.pole.poleId}/people/${bea.userId}`, {
      method: "DELETE",
    });
    expect(removed.status).toBe(204);
    const { db } = t.server.maillage;
    await db
      .updateTable("notifications")
      .set({ created_at: Date.now() - 2 * 86_400_000 })
      .where("recipient_id", "in", [bea.userId, carl.userId])
      .execute();
    const mailer = createMailer(smtp.url, t.server.url);
    if (!mailer) throw new Error("no mailer");
    const failures = await sendDueMails(
      { db, publicUrl: t.server.url, mailer },
      { schedule: { digestHour: 6 } },
    );
    expect(failures).toEqual([]);
    // The meeting's own invitation (with its .ics) went out when it was planned.
    const digestsTo = (person: Person) =>
      mailsTo(person).filter((mail) => mail.subject.startsWith("Votre résumé du jour"));
    expect(digestsTo(carl)).toHaveLength(1);
    expect(digestsTo(carl)[0]?.text).toContain("Tâches confiées");
    expect(digestsTo(carl)[0]?.text).not.toContain("Réunions planifiées");
    expect(digestsTo(bea)).toEqual([]);
  });

  it("unsubscribes in one click, without a session, once", async () => {
    const bea = await joinPole(t.server, t.pole, [], "Béa Clic");
    const editor = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    writeMention(editor.doc, bea, "mention-unsubscribe");
    const mail = await eventually(() => {
      const [only] = mailsTo(bea);
      if (!only) throw new Error("no mail yet");
      return only;
    });
    const url = unsubscribeUrlOf(mail);
    expect(mail.text).toContain(url);

    // A GET (a person, a link scanner) only opens the page that asks.
    const opened = await fetch(url, { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toMatch(/^\/desabonnement\//);

    // What a mail provider sends (RFC 8058): no cookie, no Origin.
    const oneClick = () =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
    const first = await oneClick();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ kinds: ["mention"] });
    await expectError(await oneClick(), 410, "gone");
    await expectError(
      await fetch(`${t.server.url}/api/unsubscribe/not-a-token`, { method: "POST" }),
      404,
      "not_found",
    );
    const preferences = await (
      await client(t.server.url, bea.cookie)("/api/me/notification-preferences")
    ).json();
    expect(preferences.preferences).toContainEqual({ kind: "mention", frequency: "off" });
  });

  it("tells a circle its meeting is planned, the assignee their task, the coordinators who joined", async () => {
    const bea = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.core, role: "member" },
    ]);
    const coordinator = await list(t.pole.coordinator);
    expect(coordinator.notifications.map((n) => n.kind)).toContain("invitationAccepted");

    const api = client(t.server.url, t.pole.coordinator.cookie);
    const meetingId = await planCoreMeeting(t.server, t.pole, "Noyau dur de décembre");
    const task = await api(`/api/meetings/${meetingId}/tasks`, {
      body: { title: "Relire le diagnostic", assigneeId: bea.userId },
    });
    expect(task.status).toBe(201);
    const kinds = (await list(bea)).notifications.map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(["meetingPlanned", "taskAssigned"]));
  });
});

describe("reminders and comments", () => {
  const t = withPole();
  const kindsOf = async (person: Person) =>
    (
      await t.server.maillage.db
        .selectFrom("notifications")
        .select(["kind", "detail"])
        .where("recipient_id", "=", person.userId)
        .execute()
    ).map((row) => row.kind);
  // The domain's own entry points, on the server's database (as its scheduled job runs them).
  const ctx = () => ({ db: t.server.maillage.db, poleEvents: createPoleEvents() });

  it("reminds once of a vote closing tomorrow (not those who voted) and of a task overdue", async () => {
    const bea = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.core, role: "member" },
    ]);
    const carl = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.core, role: "member" },
    ]);
    const api = client(t.server.url, t.pole.coordinator.cookie);
    const opened = await api(`/api/poles/${t.pole.poleId}/decisions`, {
      body: {
        circleId: t.pole.circles.core,
        title: "Calendrier 2027",
        method: "majority",
        closesAt: new Date(Date.now() + 12 * 3_600_000).toISOString(),
      },
    });
    expect(opened.status).toBe(201);
    const { id: decisionId } = await opened.json();
    const voted = await client(t.server.url, carl.cookie)(`/api/decisions/${decisionId}/votes`, {
      body: { choice: "for" },
    });
    expect(voted.status).toBe(200);
    const meetingId = await planCoreMeeting(t.server, t.pole, "Noyau dur");
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const task = await api(`/api/meetings/${meetingId}/tasks`, {
      body: { title: "Envoyer le compte rendu", assigneeId: carl.userId, dueOn: yesterday },
    });
    expect(task.status).toBe(201);

    await sendReminders(ctx());
    await sendReminders(ctx());
    expect((await kindsOf(bea)).filter((kind) => kind === "decisionClosesTomorrow")).toHaveLength(
      1,
    );
    expect(await kindsOf(carl)).not.toContain("decisionClosesTomorrow");
    expect((await kindsOf(carl)).filter((kind) => kind === "taskOverdue")).toHaveLength(1);
  });

  it("a comment thread through the API: the mentioned person, then the thread's writers", async () => {
    const steering = [{ circleId: t.pole.circles.steering, role: "member" as const }];
    const bea = await joinPole(t.server, t.pole, steering, "Béa Fil");
    const carl = await joinPole(t.server, t.pole, steering, "Carl Fil");
    const editor = await connect(t.server, t.pole.coordinator, t.pole.documents.diagnostic);
    const paragraph = new Y.XmlElement("paragraph");
    const words = new Y.XmlText("Chiffres à sourcer");
    paragraph.insert(0, [words]);
    editor.doc.getXmlFragment(BODY).insert(0, [paragraph]);
    const at = (index: number) =>
      buffer.toBase64(
        Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(words, index)),
      );
    await waitFor(async () => {
      const res = await client(t.server.url, carl.cookie)(
        `/api/documents/${t.pole.documents.diagnostic}/threads`,
        {
          body: {
            target: { kind: "text", quote: "Chiffres", start: at(0), end: at(8) },
            body: "Source ?",
            mentions: [bea.userId],
          },
        },
      );
      if (res.status !== 201) return false;
      const { thread } = await res.json();
      const reply = await client(t.server.url, t.pole.coordinator.cookie)(
        `/api/threads/${thread.id}/comments`,
        { body: { body: "L'Insee, 2024." } },
      );
      expect(reply.status).toBe(201);
      return true;
    }, "the thread to be created");
    expect(await kindsOf(bea)).toEqual(["mention"]);
    expect(await kindsOf(carl)).toEqual(["reply"]);
  });

  it("tells a comment's mentioned people and the thread's participants, each once", async () => {
    const bea = await joinPole(t.server, t.pole, []);
    const carl = await joinPole(t.server, t.pole, []);
    const comment = {
      documentId: t.pole.documents.diagnostic,
      threadId: "thread-1",
      commentId: "comment-1",
      mentionedIds: [bea.userId],
      participantIds: [bea.userId, carl.userId, t.pole.coordinator.userId],
    };
    await notifyComment(ctx(), t.pole.coordinator.userId, comment);
    await notifyComment(ctx(), t.pole.coordinator.userId, comment);
    expect(await kindsOf(bea)).toEqual(["mention"]);
    expect(await kindsOf(carl)).toEqual(["reply"]);
    expect(await kindsOf(t.pole.coordinator)).not.toContain("reply");
  });
});

describe("the digest", () => {
  let smtp: TestSmtp;
  let crashed: (() => void) | null = null;
  beforeAll(async () => {
    // The first digest reaches the SMTP server, and the instance sending it dies before
    // hearing that it was accepted: the worst moment for a restart.
    smtp = await startSmtp({ onMessage: () => crashed?.() });
  });
  afterAll(() => smtp.close());

  it("is sent once per person across a crash in the middle of sending", async () => {
    const { server, pole } = await startPole();
    const bea = await joinPole(server, pole, [{ circleId: pole.circles.core, role: "member" }]);
    const carl = await joinPole(server, pole, [{ circleId: pole.circles.core, role: "member" }]);
    const meetingId = await planCoreMeeting(server, pole, "Réunion du noyau dur");
    for (const person of [bea, carl]) {
      const task = await client(server.url, pole.coordinator.cookie)(
        `/api/meetings/${meetingId}/tasks`,
        { body: { title: "Chiffrer le budget", assigneeId: person.userId } },
      );
      expect(task.status).toBe(201);
    }
    // As if planned two days ago: yesterday's digest moment has passed since.
    await server.maillage.db
      .updateTable("notifications")
      .set({ created_at: Date.now() - 2 * 86_400_000 })
      .execute();
    await server.close({ keepData: true });

    const child = await spawnServer(server.dataDir, { SMTP_URL: smtp.url });
    crashed = () => {
      crashed = null;
      child.child.kill("SIGKILL");
    };
    await child.exited;
    expect(smtp.mails).toHaveLength(1);

    // Two restarts: each runs the job at start, and closing waits for that run.
    for (let restart = 0; restart < 2; restart++) {
      const again = await startTestServer({ dataDir: server.dataDir, env: { SMTP_URL: smtp.url } });
      await again.close({ keepData: restart === 0 });
    }
    const digests = smtp.mails.filter((mail) => mail.subject.startsWith("Votre résumé du jour"));
    // The coordinator's tells who joined; the circle's, of their tasks.
    const recipients = [pole.coordinator.email, bea.email, carl.email];
    expect(digests.map((mail) => mail.to).sort()).toEqual(recipients.map((to) => [to]).sort());
    expect(smtp.mails).toHaveLength(3);
    expect(digests.find((mail) => mail.to.includes(bea.email))?.text).toContain("Tâches confiées");
  }, 60_000);
});

describe("the activity feed", () => {
  const t = withPole();
  afterEach(() => closeDocuments());

  interface Feed {
    days: Array<{
      day: string;
      entries: Array<{ action: string; label: string; actor: { name: string } | null }>;
    }>;
  }
  const feed = async (person: Person, query = ""): Promise<Feed> => {
    const res = await client(
      t.server.url,
      person.cookie,
    )(`/api/poles/${t.pole.poleId}/activity${query}`);
    expect(res.status).toBe(200);
    return res.json();
  };

  it("tells by day who edited which document, decisions, and who joined, per pôle and per circle", async () => {
    const bea = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.steering, role: "member" },
    ]);
    const editor = await connect(t.server, t.pole.coordinator, t.pole.documents.charter);
    editor.doc.getXmlFragment(BODY).insert(0, [new Y.XmlElement("paragraph")]);
    const opened = await client(t.server.url, t.pole.coordinator.cookie)(
      `/api/poles/${t.pole.poleId}/decisions`,
      { body: { circleId: t.pole.circles.core, title: "Budget 2027", method: "consent" } },
    );
    expect(opened.status).toBe(201);

    const all = await eventually(async () => {
      const found = await feed(bea);
      expect(found.days).toHaveLength(1);
      expect(found.days[0]?.entries.map((entry) => entry.action)).toContain("document.edited");
      return found;
    });
    const entries = all.days[0]?.entries ?? [];
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: "document.edited",
        label: "Charte de gouvernance",
        actor: expect.objectContaining({ name: "Camille Martin" }),
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ action: "decision.opened", label: "Budget 2027" }),
    );
    expect(entries).toContainEqual(expect.objectContaining({ action: "pole.joined" }));
    expect(entries).toContainEqual(
      expect.objectContaining({ action: "circle.joined", label: "Comité de pilotage" }),
    );

    const steering = await feed(bea, `?circleId=${t.pole.circles.steering}`);
    const actions = steering.days.flatMap((day) => day.entries.map((entry) => entry.action));
    expect(actions).toContain("circle.joined");
    expect(actions).not.toContain("decision.opened");
    expect(actions).not.toContain("pole.joined");

    await expectError(
      await client(
        t.server.url,
        bea.cookie,
      )(`/api/poles/${t.pole.poleId}/activity?circleId=unknown-circle`),
      404,
      "not_found",
    );
  });

  it("tells the document's readers live when an edit is recorded, once per person per 5 minutes", async () => {
    const bea = await joinPole(t.server, t.pole, []);
    const other = await client(t.server.url, t.pole.coordinator.cookie)("/api/poles", {
      body: { name: "Pôle d'à côté" },
    });
    const { id: otherPoleId } = await other.json();
    const outsider = await inviteNewcomer(t.server, t.pole.coordinator, otherPoleId, []);
    const reader = await listenToPole(t.server, t.pole.poleId, bea);
    const elsewhere = await listenToPole(t.server, otherPoleId, outsider);
    await Promise.all([reader.until("event: ready"), elsewhere.until("event: ready")]);

    // Not the charter: the test above had its edit recorded less than 5 minutes ago.
    const diagnostic = t.pole.documents.diagnostic;
    const editor = await connect(t.server, t.pole.coordinator, diagnostic);
    editor.doc.getXmlFragment(BODY).insert(0, [new Y.XmlElement("paragraph")]);
    const edited = `{"type":"activity","id":"${diagnostic}","documentId":"${diagnostic}"}`;
    await reader.until(edited);

    // A second edit within 5 minutes records nothing new: no second event before the
    // decision opened once the server has relayed that edit.
    const watcher = await connect(t.server, bea, diagnostic);
    editor.doc.getXmlFragment(BODY).insert(0, [new Y.XmlElement("paragraph")]);
    await waitFor(
      () => watcher.doc.getXmlFragment(BODY).length === editor.doc.getXmlFragment(BODY).length,
      "the second edit to reach the server",
    );
    const opened = await client(t.server.url, t.pole.coordinator.cookie)(
      `/api/poles/${t.pole.poleId}/decisions`,
      { body: { circleId: t.pole.circles.core, title: "Budget 2028", method: "consent" } },
    );
    expect(opened.status).toBe(201);
    await reader.until('"type":"decision"');
    expect(reader.received().split(edited)).toHaveLength(2);
    // Only the document's id: never what was written, and nothing to another pôle.
    expect(elsewhere.received()).not.toContain(diagnostic);
    reader.stop();
    elsewhere.stop();
  });
});
