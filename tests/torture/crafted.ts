/**
 * Hand-built Yjs updates (format v1, the one y-websocket carries) that hostile clients
 * could send: the reproduction of yjs issue #687 and its kin (huge counts and lengths
 * claimed by a few bytes, floods of pending structs and deletions, truncations), plus
 * honest-looking but heavy ones. Shared by the unit tests, the fuzz torture and the bench.
 */
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

export interface Crafted {
  name: string;
  update: Uint8Array;
  /** True when an honest client could send it (the server must accept it). */
  honest?: boolean;
}

const HUGE = Number.MAX_SAFE_INTEGER;
const CONTENT_DELETED = 1;
const CONTENT_STRING = 4;
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
const YXML_ELEMENT = 3;

function build(write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** One client's structs, written by `structs`, then an empty delete set. */
function structsOf(
  client: number,
  clock: number,
  count: number,
  structs: (e: encoding.Encoder) => void,
) {
  return build((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, count);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    structs(e);
    encoding.writeVarUint(e, 0);
  });
}

/** An item at the root type `key` (no origins): info byte then parent info. */
function rootItem(e: encoding.Encoder, contentRef: number, key = "body") {
  encoding.writeUint8(e, contentRef);
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, key);
}

function deleteSet(ranges: Array<[client: number, clock: number, len: number]>): Uint8Array {
  const byClient = new Map<number, Array<[number, number]>>();
  for (const [client, clock, len] of ranges) {
    const list = byClient.get(client) ?? [];
    list.push([clock, len]);
    byClient.set(client, list);
  }
  return build((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, byClient.size);
    for (const [client, list] of byClient) {
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, list.length);
      for (const [clock, len] of list) {
        encoding.writeVarUint(e, clock);
        encoding.writeVarUint(e, len);
      }
    }
  });
}

/** `count` single-character inserts at random places, as one update (honest but heavy). */
export function scatteredInserts(count: number, seed = 1): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 4242;
  const text = doc.getText("t");
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  doc.transact(() => {
    for (let i = 0; i < count; i++) text.insert(Math.floor(random() * (text.length + 1)), "x");
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export function craftedUpdates(): Crafted[] {
  const valid = (() => {
    const doc = new Y.Doc();
    doc.clientID = 777;
    doc.getText("t").insert(0, "bonjour");
    doc.getText("t").delete(0, 3);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return update;
  })();
  const bigText = (() => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "Le pôle coopère. ".repeat(40_000));
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return update;
  })();
  return [
    {
      name: "yjs #687 reproduction (v2 bytes on the v1 path)",
      update: Uint8Array.from(
        Buffer.from("00010000000001000100010200001602000001fdffffffff7f0000", "hex"),
      ),
    },
    {
      name: "2^32-1 structs claimed, 3 present",
      update: structsOf(5, 0, 0xffffffff, (e) => {
        for (let i = 0; i < 3; i++) {
          encoding.writeUint8(e, 0);
          encoding.writeVarUint(e, 1);
        }
      }),
    },
    { name: "2^53 structs claimed", update: structsOf(5, 0, HUGE, () => {}) },
    {
      name: "garbage-collected range of 2^53",
      update: structsOf(5, 0, 1, (e) => {
        encoding.writeUint8(e, 0);
        encoding.writeVarUint(e, HUGE);
      }),
    },
    {
      name: "skip of 2^53 then an item",
      update: structsOf(5, 0, 2, (e) => {
        encoding.writeUint8(e, 10);
        encoding.writeVarUint(e, HUGE);
        rootItem(e, CONTENT_STRING);
        encoding.writeVarString(e, "x");
      }),
    },
    {
      name: "deleted content of length 2^53",
      update: structsOf(5, 0, 1, (e) => {
        rootItem(e, CONTENT_DELETED);
        encoding.writeVarUint(e, HUGE);
      }),
    },
    {
      name: "2^31 'any' values claimed",
      update: structsOf(5, 0, 1, (e) => {
        rootItem(e, CONTENT_ANY);
        encoding.writeVarUint(e, 2 ** 31);
        encoding.writeUint8(e, 120); // true
      }),
    },
    {
      name: "2 million 'any' values (2 MB)",
      update: structsOf(5, 0, 1, (e) => {
        rootItem(e, CONTENT_ANY);
        encoding.writeVarUint(e, 2_000_000);
        for (let i = 0; i < 2_000_000; i++) encoding.writeUint8(e, 120);
      }),
    },
    {
      name: "string of 2^31 bytes claimed",
      update: structsOf(5, 0, 1, (e) => {
        rootItem(e, CONTENT_STRING);
        encoding.writeVarUint(e, 2 ** 31);
        encoding.writeUint8Array(e, new Uint8Array(16));
      }),
    },
    {
      name: "2^32 deletions claimed",
      update: build((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 5);
        encoding.writeVarUint(e, 0xffffffff);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
      }),
    },
    {
      name: "pending deletions flood (300,000 ranges, 1.2 MB)",
      update: deleteSet(Array.from({ length: 300_000 }, (_, i) => [99, i * 2, 1])),
    },
    {
      name: "pending deletions (6,000 ranges, 18 KB)",
      update: deleteSet(Array.from({ length: 6000 }, (_, i) => [98, i * 2, 1])),
    },
    {
      name: "pending structs flood (items after a 1,000-long gap)",
      update: structsOf(6, 1000, 40_000, (e) => {
        for (let i = 0; i < 40_000; i++) {
          rootItem(e, CONTENT_STRING, "t");
          encoding.writeVarString(e, "p");
        }
      }),
    },
    {
      name: "10,000 nested XML elements",
      update: structsOf(7, 0, 10_000, (e) => {
        rootItem(e, CONTENT_TYPE);
        encoding.writeVarUint(e, YXML_ELEMENT);
        encoding.writeVarString(e, "div");
        for (let i = 1; i < 10_000; i++) {
          encoding.writeUint8(e, CONTENT_TYPE);
          encoding.writeVarUint(e, 0); // parent given as an id
          encoding.writeVarUint(e, 7);
          encoding.writeVarUint(e, i - 1);
          encoding.writeVarUint(e, YXML_ELEMENT);
          encoding.writeVarString(e, "div");
        }
      }),
    },
    { name: "30,000 scattered inserts (over the cost limit)", update: scatteredInserts(30_000) },
    {
      name: "6,000 scattered inserts (heavy, within limits)",
      update: scatteredInserts(6000),
      honest: true,
    },
    { name: "640 KB of pasted text (honest, large)", update: bigText, honest: true },
    {
      name: "valid structs, truncated delete set",
      update: valid.subarray(0, valid.byteLength - 1),
    },
    { name: "a valid edit (honest)", update: valid, honest: true },
  ];
}
