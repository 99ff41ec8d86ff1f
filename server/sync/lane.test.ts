import { describe, expect, it } from "vitest";
import { Lane } from "./lane";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("a lane of jobs", () => {
  it("runs a few at a time, and lets the event loop turn between them", async () => {
    const lane = new Lane(2);
    const started: number[] = [];
    const done = Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        lane.run(async () => {
          started.push(i);
          return i * 10;
        }),
      ),
    );
    // None in the caller's turn, two in the next, the others in later turns.
    expect(started).toEqual([]);
    await turn();
    expect(started).toEqual([0, 1]);
    expect(await done).toEqual([0, 10, 20, 30, 40, 50]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("passes a job's failure to its caller and goes on with the others", async () => {
    const lane = new Lane(1);
    const failing = lane.run(async () => {
      throw new Error("projection failed");
    });
    const throwing = lane.run((): Promise<void> => {
      throw new Error("thrown at once");
    });
    const next = lane.run(async () => "suivant");
    await expect(failing).rejects.toThrow("projection failed");
    await expect(throwing).rejects.toThrow("thrown at once");
    expect(await next).toBe("suivant");
  });
});
