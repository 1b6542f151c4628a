import { describe, expect, it } from "vitest";
import type { TMatrixFetch } from "./instructor-view.entry";
import { matchProgress } from "./match-progress";

const write = (userId: string, sentMs: number, status = 200) => ({ userId, sentMs, sentWallMs: sentMs, answeredMs: sentMs + 5, status });
const fetched = (startedMs: number, readyMs: number, lastActivityMs: Record<string, number | null>, isOk = true): TMatrixFetch => ({ startedMs, readyMs, isOk, lastActivityMs });

describe("matchProgress", () => {
  it("follows a write to its learner's next event and the first refetch started after it", () => {
    const timeline = matchProgress(
      [write("a", 100), write("b", 110)],
      [{ userId: "b", receivedMs: 130 }, { userId: "a", receivedMs: 120 }],
      [fetched(90, 95, {}), fetched(121, 150, { a: 101, b: 112 })],
    );
    expect(timeline).toEqual({ writes: 2, failedWrites: 0, unannounced: 0, toEventMs: [20, 20], toMatrixMs: [50], staleMatrices: 0 });
  });

  it("counts failed writes, writes never announced, and matrices that do not show the write yet", () => {
    const timeline = matchProgress(
      [write("a", 100), write("a", 200, 500), write("b", 100), write("a", 300)],
      [{ userId: "a", receivedMs: 110 }, { userId: "a", receivedMs: 90 }],
      [fetched(115, 130, { a: 50 }), fetched(116, 120, {}, false)],
    );
    expect(timeline).toMatchObject({ writes: 3, failedWrites: 1, unannounced: 2, toEventMs: [10], toMatrixMs: [30], staleMatrices: 1 });
  });
});
