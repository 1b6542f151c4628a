// The instructor view over /live: only the workshop's instructor may follow it (checked on
// every subscribe; a member follows announcements only), and a learner's progress reaches
// exactly the views of their open workshops.
import { createWorkshop, joinWorkshop, syncCurriculum, type TUserSummary } from "@perflab/db";
import { LIVE_EVENTS, type TLiveWorkshopProgress } from "@perflab/protocol";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startLabHarness, type TLabHarness } from "./testing/lab-harness";

describe("/live workshop progress", () => {
  let h: TLabHarness;
  let instructor: TUserSummary;
  let workshopId: string;
  beforeAll(async () => {
    h = await startLabHarness();
    await syncCurriculum(h.testDb.db, [{ id: "2.2", section: 2, title: "Scheduling", contentHash: "x", exercises: [] }], { isComplete: true });
    instructor = await h.testDb.db.user.create({ data: { email: "teach@example.com", name: "Teacher", role: "INSTRUCTOR" }, select: { id: true, email: true, name: true, role: true } });
    const created = await createWorkshop(h.testDb.db, instructor, { title: "Day one", startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000), topicIds: ["2.2"] });
    if (!("data" in created)) throw new Error("not created");
    workshopId = created.data.id;
    const owner = await h.testDb.db.user.findUniqueOrThrow({ where: { id: h.owner.id }, select: { id: true, email: true, name: true, role: true } });
    await joinWorkshop(h.testDb.db, owner, created.data.joinCode);
  });
  afterEach(() => h.disconnectClients());
  afterAll(() => h.close());

  it("the instructor follows the workshop and hears each learner's progress; others are refused and hear nothing", async () => {
    const teacher = await h.viewer(instructor.id);
    expect(await h.request(teacher, LIVE_EVENTS.workshopSubscribe, { workshopId })).toEqual({ data: { as: "instructor" } });
    const learner = await h.viewer(h.owner.id);
    expect(await h.request(learner, LIVE_EVENTS.workshopSubscribe, { workshopId })).toEqual({ data: { as: "learner" } });
    const outsider = await h.viewer(h.stranger.id);
    expect(await h.request(outsider, LIVE_EVENTS.workshopSubscribe, { workshopId: "no-such-workshop" })).toMatchObject({ error: { code: "forbidden" } });
    expect(await h.request(outsider, LIVE_EVENTS.workshopSubscribe, { workshopId: 42 })).toMatchObject({ error: { code: "invalid-request" } });
    const overheard: unknown[] = [];
    learner.on(LIVE_EVENTS.workshopProgress, (message) => overheard.push(message));
    outsider.on(LIVE_EVENTS.workshopProgress, (message) => overheard.push(message));

    const heard = h.nextEvent<TLiveWorkshopProgress>(teacher, LIVE_EVENTS.workshopProgress);
    h.io.notifyLearnerProgress(h.owner.id);
    expect(await heard).toEqual({ workshopId, userId: h.owner.id });
    h.io.notifyLearnerProgress(h.stranger.id); // in no workshop: nobody is told
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(overheard).toEqual([]);
  });
});
