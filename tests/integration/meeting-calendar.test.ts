/**
 * Meetings in calendars and series: invitations e-mailed with an `.ics` to a real SMTP
 * server and read back by real parsers (mailparser, ical.js), changes and cancellation as
 * calendars expect them (same UID, higher SEQUENCE, METHOD:CANCEL), the `.ics` link when
 * there is no SMTP, the pôle's calendar and each person's secret feed, series with their
 * backlog and the follow-up of the previous meeting's tasks, and the compte rendu
 * e-mailed to attendees at closing. Real servers, real SQLite.
 */
import ICAL from "ical.js";
import { type ParsedMail, simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followUpItem, nextOccurrence } from "../../shared/meeting-series";
import { expectError } from "../helpers/contract";
import {
  client,
  type FoundedPole,
  joinPole,
  type Person,
  startPole,
  type TestServer,
  thematicGroup,
} from "../helpers/server";
import { type Mail, startSmtp, type TestSmtp } from "../helpers/smtp";
import { waitFor } from "../helpers/sync-client";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** A whole hour some days ahead, so that times compare exactly. */
const inDays = (days: number) => new Date(Math.ceil((Date.now() + days * DAY) / HOUR) * HOUR);

let smtp: TestSmtp;
let server: TestServer;
let pole: FoundedPole;
let circleId: string;
/** The group's facilitator and a member; an observer of it; a member of the pôle seated nowhere. */
let fanny: Person;
let marc: Person;
let oscar: Person;
let nina: Person;

beforeAll(async () => {
  smtp = await startSmtp();
  ({ server, pole } = await startPole({ env: { SMTP_URL: smtp.url } }));
  ({
    circleId,
    people: { Fanny: fanny, Marc: marc, Oscar: oscar, Nina: nina },
  } = await thematicGroup(server, pole, "Mobilité rurale", {
    Fanny: "facilitator",
    Marc: "member",
    Oscar: "observer",
    Nina: null,
  }));
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

const as = (person: Person) => client(server.url, person.cookie);

async function plan(body: Record<string, unknown>): Promise<{ id: string; documentId: string }> {
  const res = await as(fanny)(`/api/poles/${pole.poleId}/meetings`, {
    body: { circleId, ...body },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

/** The mails received from now on, once `count` of them have arrived. */
async function nextMails(count: number, act: () => Promise<unknown>): Promise<Mail[]> {
  const before = smtp.mails.length;
  await act();
  await waitFor(() => smtp.mails.length >= before + count, `${count} e-mails`);
  return smtp.mails.slice(before);
}

const parse = (mail: Mail): Promise<ParsedMail> => simpleParser(Buffer.from(mail.raw, "latin1"));

/** The one event of an `.ics`, parsed by ical.js, with the calendar's METHOD. */
function eventOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    summary: event.summary,
    location: event.location,
    start: event.startDate.toJSDate().toISOString(),
    startIsUtc: event.startDate.zone?.tzid === "UTC",
    end: event.endDate.toJSDate().toISOString(),
    sequence: event.sequence,
    url: String(vevent.getFirstPropertyValue("url")),
    organizer: String(vevent.getFirstPropertyValue("organizer")),
    status: String(vevent.getFirstPropertyValue("status")),
  };
}

async function icsAttachment(mail: Mail) {
  const parsed = await parse(mail);
  const ics = parsed.attachments.find((file) => file.filename?.endsWith(".ics"));
  if (!ics) throw new Error(`no .ics attached to « ${mail.subject} »`);
  expect(ics.contentType).toBe("text/calendar");
  return eventOf(ics.content.toString("utf8"));
}

describe("invitations by e-mail, with an .ics that calendars read", () => {
  let meetingId: string;
  let uid: string;
  const startsAt = inDays(10);

  it("plans a meeting: the circle's people get an e-mail whose .ics holds the meeting", async () => {
    const mails = await nextMails(3, async () => {
      ({ id: meetingId } = await plan({
        title: "Groupe mobilité",
        startsAt: startsAt.toISOString(),
        durationMinutes: 120,
        place: "Tiers-lieu de Crest",
      }));
    });
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual(
      [fanny.email, marc.email, oscar.email].sort(),
    );
    expect(smtp.mails.some((mail) => mail.to.includes(nina.email))).toBe(false);
    const mail = mails.find((m) => m.to.includes(marc.email)) as Mail;
    expect(mail.subject).toBe("Invitation : Groupe mobilité");
    expect(mail.text).toContain("Tiers-lieu de Crest");
    const paris = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat("fr-FR", { ...options, timeZone: "Europe/Paris" }).format(startsAt);
    expect(mail.text).toContain(
      `le ${paris({ dateStyle: "full" })}, de ${paris({ timeStyle: "short" })} à`,
    );
    const event = await icsAttachment(mail);
    uid = event.uid;
    expect(event).toMatchObject({
      method: "REQUEST",
      summary: "Groupe mobilité (Mobilité rurale)",
      location: "Tiers-lieu de Crest",
      start: startsAt.toISOString(),
      startIsUtc: true,
      end: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      sequence: 0,
      url: `${server.url}/p/${pole.poleId}/reunions/${meetingId}`,
      organizer: `mailto:${fanny.email}`,
      status: "CONFIRMED",
    });
    expect(uid).toContain(meetingId);
  });

  it("moves it: the same UID comes again with a higher SEQUENCE", async () => {
    const moved = inDays(11);
    const mails = await nextMails(3, () =>
      as(fanny)(`/api/meetings/${meetingId}/schedule`, {
        method: "PATCH",
        body: { startsAt: moved.toISOString(), videoUrl: "https://visio.example.org/mobilite" },
      }),
    );
    expect(mails[0].subject).toBe("Réunion modifiée : Groupe mobilité");
    const event = await icsAttachment(mails[0]);
    expect(event).toMatchObject({
      method: "REQUEST",
      uid,
      sequence: 1,
      start: moved.toISOString(),
      // The length is kept.
      end: new Date(moved.getTime() + 2 * HOUR).toISOString(),
      location: "Tiers-lieu de Crest",
    });
    const again = await as(fanny)(`/api/meetings/${meetingId}/schedule`, {
      method: "PATCH",
      body: { place: "Tiers-lieu de Crest" },
    });
    // Nothing changed: nobody is bothered again.
    expect(again.status).toBe(204);
  });

  it("refuses a bad change with a French message, and keeps the meeting as it was", async () => {
    const body = (change: Record<string, unknown>) => ({ method: "PATCH", body: change });
    const schedule = `/api/meetings/${meetingId}/schedule`;
    expect(
      await expectError(
        await as(fanny)(schedule, body({ startsAt: new Date(Date.now() - DAY).toISOString() })),
        400,
        "invalid_input",
      ),
    ).toMatch(/passé/);
    expect(
      await expectError(
        await as(fanny)(
          schedule,
          body({ startsAt: inDays(12).toISOString(), endsAt: inDays(11).toISOString() }),
        ),
        400,
        "invalid_input",
      ),
    ).toMatch(/fin de la réunion/);
    await expectError(await as(fanny)(schedule, body({ startsAt: "mardi" })), 400, "invalid_input");
    await expectError(await as(oscar)(schedule, body({ place: "Ailleurs" })), 403, "forbidden");
    const meeting = await (await as(fanny)(`/api/meetings/${meetingId}`)).json();
    expect(meeting.startsAt).toBe(inDays(11).toISOString());
    expect(meeting.place).toBe("Tiers-lieu de Crest");
  });

  it("gives every reader the .ics to download, and nobody else", async () => {
    const res = await as(nina)(`/api/meetings/${meetingId}/ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    const event = eventOf(await res.text());
    expect(event).toMatchObject({ uid, sequence: 1, method: null });
    expect((await client(server.url)(`/api/meetings/${meetingId}/ics`)).status).toBe(401);
    await expectError(await as(nina)("/api/meetings/nope/ics"), 404, "not_found");
  });

  it("cancels it: METHOD:CANCEL, STATUS:CANCELLED, a higher SEQUENCE; then it no longer changes", async () => {
    const mails = await nextMails(3, () =>
      as(fanny)(`/api/meetings/${meetingId}/cancel`, { method: "POST" }),
    );
    expect(mails[0].subject).toBe("Réunion annulée : Groupe mobilité");
    expect(await icsAttachment(mails[0])).toMatchObject({
      method: "CANCEL",
      uid,
      sequence: 2,
      status: "CANCELLED",
    });
    await expectError(
      await as(fanny)(`/api/meetings/${meetingId}/cancel`, { method: "POST" }),
      409,
      "conflict",
    );
    await expectError(
      await as(fanny)(`/api/meetings/${meetingId}/schedule`, {
        method: "PATCH",
        body: { place: "Valence" },
      }),
      409,
      "conflict",
    );
    const meeting = await (await as(fanny)(`/api/meetings/${meetingId}`)).json();
    expect(meeting.state).toBe("cancelled");
  });
});

describe("the pôle's calendar and each person's feed", () => {
  let mobility: string;
  let steering: string;

  beforeAll(async () => {
    ({ id: mobility } = await plan({ title: "Covoiturage", startsAt: inDays(5).toISOString() }));
    const res = await as(pole.coordinator)(`/api/poles/${pole.poleId}/meetings`, {
      body: { circleId: pole.circles.steering, title: "COPIL", startsAt: inDays(6).toISOString() },
    });
    steering = (await res.json()).id;
  });

  it("lists the coming meetings of the circles one sits in, soonest first", async () => {
    const mine = await (await as(marc)(`/api/poles/${pole.poleId}/calendar`)).json();
    const ids = mine.map((meeting: { id: string }) => meeting.id);
    expect(ids).toContain(mobility);
    expect(ids).not.toContain(steering);
    expect(mine[0]).toMatchObject({ circleName: "Mobilité rurale" });
    const starts = mine.map((meeting: { startsAt: string }) => meeting.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(await (await as(nina)(`/api/poles/${pole.poleId}/calendar`)).json()).toEqual([]);
    const coordinator = await (
      await as(pole.coordinator)(`/api/poles/${pole.poleId}/calendar`)
    ).json();
    expect(coordinator.map((meeting: { id: string }) => meeting.id)).toEqual([steering]);
  });

  it("serves a feed of one's own circles' meetings at a secret address, rotated and revoked", async () => {
    const feed = `/api/poles/${pole.poleId}/calendar/feed`;
    expect(await (await as(marc)(feed)).json()).toEqual({ active: false, createdAt: null });
    const issued = await as(marc)(feed, { method: "POST" });
    expect(issued.status).toBe(201);
    const { url } = await issued.json();
    expect(url).toMatch(new RegExp(`^${server.url}/calendar/[a-z0-9]+\\.ics$`));
    expect((await (await as(marc)(feed)).json()).active).toBe(true);

    const read = await fetch(url);
    expect(read.status).toBe(200);
    expect(read.headers.get("content-type")).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await read.text()));
    const uids = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent).uid);
    expect(uids.some((uid) => uid.startsWith(mobility))).toBe(true);
    expect(uids.some((uid) => uid.startsWith(steering))).toBe(false);

    const rotated = (await (await as(marc)(feed, { method: "POST" })).json()).url;
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(rotated)).status).toBe(200);
    expect((await as(marc)(feed, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(rotated)).status).toBe(404);
    expect(
      (await fetch(`${server.url}/calendar/abcdefghijklmnopqrstuvwxyz234567.ics`)).status,
    ).toBe(404);
  });

  it("stops serving the feed of someone who left the pôle", async () => {
    const leaving = await joinPole(server, pole, [{ circleId, role: "member" }], "Léa");
    const { url } = await (
      await as(leaving)(`/api/poles/${pole.poleId}/calendar/feed`, { method: "POST" })
    ).json();
    expect((await fetch(url)).status).toBe(200);
    const removed = await as(pole.coordinator)(
      `/api/poles/${pole.poleId}/people/${leaving.userId}`,
      { method: "DELETE" },
    );
    expect(removed.status).toBe(204);
    expect((await fetch(url)).status).toBe(404);
  });

  it("is the pôle's own: another pôle's calendar answers 404", async () => {
    await expectError(await as(marc)("/api/poles/nope/calendar"), 404, "not_found");
    await expectError(
      await as(marc)("/api/poles/nope/calendar/feed", { method: "POST" }),
      404,
      "not_found",
    );
  });
});

describe("series, backlog, follow-up of tasks, and the compte rendu e-mailed at closing", () => {
  interface Item {
    id: string;
    title: string;
  }
  let first: string;
  const firstStart = inDays(3);

  it("plans the next meeting of a series with the items not covered and the tasks to follow up", async () => {
    ({ id: first } = await plan({
      title: "Atelier vélo",
      startsAt: firstStart.toISOString(),
      place: "Garage solidaire",
      durationMinutes: 60,
    }));
    await expectError(
      await as(fanny)(`/api/meetings/${first}/series`, {
        method: "PUT",
        body: { rule: { every: "month", rank: 5, weekday: 2 } },
      }),
      400,
      "invalid_input",
    );
    await expectError(
      await as(fanny)(`/api/meetings/${first}/next`, { body: {} }),
      400,
      "invalid_input",
    );
    const series = await as(fanny)(`/api/meetings/${first}/series`, {
      method: "PUT",
      body: { rule: { every: "weeks", interval: 2 } },
    });
    expect(series.status).toBe(204);

    const meeting = await (await as(fanny)(`/api/meetings/${first}`)).json();
    const progress = meeting.agenda.find((item: Item) => item.title === "Avancement des projets");
    const covered = (itemId: string, value: unknown, by = fanny) =>
      as(by)(`/api/meetings/${first}/agenda/${itemId}/covered`, {
        method: "PUT",
        body: { covered: value },
      });
    await expectError(await covered(progress.id, "non"), 400, "invalid_input");
    await expectError(await covered(progress.id, false, oscar), 403, "forbidden");
    await expectError(await covered("nope", false), 404, "not_found");
    expect((await covered(progress.id, false)).status).toBe(204);

    const task = await as(fanny)(`/api/meetings/${first}/tasks`, {
      body: { title: "Chiffrer l'atelier mobile", assigneeId: marc.userId },
    });
    expect(task.status).toBe(201);
    await as(marc)(`/api/meetings/${first}/attendance`, {
      method: "PUT",
      body: { status: "present" },
    });

    const minutes = await nextMails(1, async () => {
      const closed = await as(fanny)(`/api/meetings/${first}/close`, { method: "POST" });
      expect(closed.status).toBe(200);
    });
    const mail = minutes.find((m) => m.subject === "Compte rendu : Atelier vélo") as Mail;
    expect(mail.to).toEqual([marc.email]);
    const parsed = await parse(mail);
    expect(parsed.html).toContain(
      "Chiffrer l&#39;atelier mobile".replace("&#39;", "'").slice(0, 8),
    );
    expect(parsed.html).toContain(`/p/${pole.poleId}/reunions/${first}`);
    expect(parsed.attachments.map((file) => file.contentType)).toContain(
      "application/vnd.oasis.opendocument.text",
    );

    const followUp = await (await as(fanny)(`/api/meetings/${first}/follow-up`)).json();
    expect(followUp.backlog.map((item: Item) => item.title)).toEqual(["Avancement des projets"]);
    expect(followUp.series.rule).toEqual({ every: "weeks", interval: 2 });
    expect(followUp.emailed).toBe(true);

    const next = await as(fanny)(`/api/meetings/${first}/next`, { body: {} });
    expect(next.status, await next.clone().text()).toBe(201);
    const { id: second } = await next.json();
    const planned = await (await as(fanny)(`/api/meetings/${second}`)).json();
    // Two weeks later at the same hour in Paris (shared/meeting-series.test.ts: across a change of hour).
    const fortnightly = { every: "weeks", interval: 2 } as const;
    const secondStart = nextOccurrence(fortnightly, firstStart.getTime());
    expect(planned.startsAt).toBe(new Date(secondStart).toISOString());
    expect(planned.place).toBe("Garage solidaire");
    expect(Date.parse(planned.endsAt) - Date.parse(planned.startsAt)).toBe(HOUR);
    const titles = planned.agenda.map((item: Item) => item.title);
    expect(titles[0]).toBe(followUpItem.title);
    expect(titles).toContain("Avancement des projets");
    expect(titles.filter((title: string) => title === "Avancement des projets")).toHaveLength(1);
    expect(titles.at(-1)).toBe("Prochaines dates");

    // Asked again from the first, the next follows the series' latest.
    const third = await (await as(fanny)(`/api/meetings/${first}/next`, { body: {} })).json();
    expect((await (await as(fanny)(`/api/meetings/${third.id}`)).json()).startsAt).toBe(
      new Date(nextOccurrence(fortnightly, secondStart)).toISOString(),
    );

    const secondFollowUp = await (await as(marc)(`/api/meetings/${second}/follow-up`)).json();
    expect(secondFollowUp.backlog).toEqual([]);
    expect(secondFollowUp.previous).toMatchObject({
      id: first,
      tasks: [{ title: "Chiffrer l'atelier mobile", assigneeId: marc.userId, done: false }],
    });
  });

  it("plans the next from a meeting without a series at the date given", async () => {
    const { id } = await plan({ title: "Point covoiturage", startsAt: inDays(4).toISOString() });
    await expectError(
      await as(oscar)(`/api/meetings/${id}/next`, { body: { startsAt: inDays(20).toISOString() } }),
      403,
      "forbidden",
    );
    await expectError(
      await as(fanny)(`/api/meetings/${id}/next`, {
        body: { startsAt: new Date(Date.now() - DAY).toISOString() },
      }),
      400,
      "invalid_input",
    );
    const next = await as(fanny)(`/api/meetings/${id}/next`, {
      body: { startsAt: inDays(20).toISOString() },
    });
    expect(next.status).toBe(201);
  });
});

describe("without SMTP", () => {
  it("sends nothing and says so, the .ics being there to share", async () => {
    const bare = await startPole();
    try {
      const coordinator = client(bare.server.url, bare.pole.coordinator.cookie);
      const res = await coordinator(`/api/poles/${bare.pole.poleId}/meetings`, {
        body: {
          circleId: bare.pole.circles.steering,
          title: "COPIL",
          startsAt: inDays(8).toISOString(),
        },
      });
      const { id } = await res.json();
      const followUp = await (await coordinator(`/api/meetings/${id}/follow-up`)).json();
      expect(followUp).toMatchObject({ emailed: false, icsUrl: `/api/meetings/${id}/ics` });
      expect((await coordinator(followUp.icsUrl)).status).toBe(200);
    } finally {
      await bare.server.close();
    }
  });
});
