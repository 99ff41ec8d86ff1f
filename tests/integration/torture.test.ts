/**
 * Short versions of the torture tests (`npm run torture` runs the long ones): kill -9
 * under load, a soak with chaos and restarts, fuzzing, and permission races, each against
 * the real server in a child process with real authenticated clients.
 */
import { describe, expect, it } from "vitest";
import { fuzz } from "../torture/fuzz";
import { killNine } from "../torture/killnine";
import { permissionRace } from "../torture/permissions";
import { soak } from "../torture/soak";

const LONG = 180_000;

describe("torture, short versions", () => {
  it("loses nothing any client received when the server is killed with SIGKILL under load", {
    timeout: LONG,
  }, async () => {
    const result = await killNine({ clients: 40, docs: 4, repeats: 2, rate: 5 });
    expect(result.received).toBeGreaterThan(0);
    expect(result.missing).toEqual([]);
  });

  it("converges every client and the database after chaos and two restarts", {
    timeout: LONG,
  }, async () => {
    const result = await soak({ clients: 40, docs: 4, durationMs: 9000, rate: 2 });
    expect(result.restarts).toBe(2);
    expect(result.disconnects).toBeGreaterThan(0);
    expect(result.diverged).toEqual([]);
  });

  it("survives hostile frames: closes the bad connections, stores nothing of them", {
    timeout: LONG,
  }, async () => {
    const result = await fuzz({ frames: 3000, parallel: 6 });
    expect(result.serverUp).toBe(true);
    expect(result.leftOpen).toBe(0);
    expect(result.honestSynced).toBe(true);
    expect(result.storedClean).toBe(true);
  });

  it("neither stores nor relays what a member sends after being removed", {
    timeout: LONG,
  }, async () => {
    const result = await permissionRace({ rounds: 2, connections: 3 });
    expect(result.after).toBeGreaterThan(0);
    expect(result.leaked).toEqual([]);
  });
});
