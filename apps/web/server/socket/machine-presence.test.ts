// Presence bookkeeping: the current connection wins, sampling changes are noticed once,
// and a machine revoked here reads as revoked whatever the caller last stored.
import type { Socket } from "socket.io";
import { describe, expect, it } from "vitest";
import { MachinePresence } from "./machine-presence";

const socket = () => ({}) as Socket; // only its identity matters here
const NORMAL = { mode: "normal", intervalMs: 1000, achievedHz: 1, highResUntilMs: null } as const;
const stored = { revoked: false, lastSeenMs: 5 };

describe("MachinePresence", () => {
  it("keeps the newest connection: an older one closing later does not take the machine offline", () => {
    const presence = new MachinePresence();
    const first = socket();
    const second = socket();
    presence.connect("m", first, 10);
    presence.connect("m", second, 20);
    expect(presence.disconnect("m", first)).toBe(false);
    expect(presence.state("m", stored)).toMatchObject({ online: true, lastSeenMs: 20 });
    expect(presence.disconnect("m", second)).toBe(true);
    expect(presence.state("m", stored)).toEqual({ machineId: "m", online: false, revoked: false, sampling: null, lastSeenMs: 5 });
  });

  it("reports a sampling change once, and a revocation from then on", () => {
    const presence = new MachinePresence();
    presence.connect("m", socket());
    expect(presence.sawBatch("m", NORMAL)).toBe(true);
    expect(presence.sawBatch("m", { ...NORMAL, achievedHz: 0.9 })).toBe(false);
    expect(presence.sawBatch("m", { mode: "high-res", intervalMs: 10, achievedHz: 98, highResUntilMs: 1 })).toBe(true);
    presence.markRevoked("m");
    expect(presence.state("m", stored)).toMatchObject({ online: false, revoked: true });
  });
});
