// The team's tracks, soonest due first, each with its topics in order; the lead edits one
// in place or removes it (unassigning it from everyone), and assigns new ones below.
import { formatDueDay, type TTrackSummary } from "@perflab/db";
import { TopicLinks } from "@/components/topic-links";
import { deleteTrackAction } from "../actions";
import { TrackForm } from "../team-forms";

const dayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export function TeamTracks({ teamId, tracks }: { teamId: string; tracks: TTrackSummary[] }) {
  return (
    <div className="space-y-6">
      {tracks.length > 0 ? (
        <ul className="space-y-3" data-testid="tracks">
          {tracks.map((track) => (
            <li key={track.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="track">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-medium">{track.title}</h3>
                <span className="text-sm text-slate-600">due {dayFormat.format(track.dueAt)} (end of day, UTC)</span>
              </div>
              <p className="mt-1 text-sm text-slate-600">
                Topics, in order: <TopicLinks topicIds={track.topicIds} /> · assigned by {track.createdBy.name}
              </p>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm text-emerald-700">Edit or remove</summary>
                <div className="mt-3 space-y-3">
                  <TrackForm teamId={teamId} track={{ id: track.id, title: track.title, topicIds: track.topicIds, dueDay: formatDueDay(track.dueAt) }} />
                  <form action={deleteTrackAction}>
                    <input type="hidden" name="teamId" value={teamId} />
                    <input type="hidden" name="trackId" value={track.id} />
                    <button type="submit" className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50">
                      Remove track
                    </button>
                  </form>
                </div>
              </details>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No tracks yet: assign the first one below.</p>
      )}
      <div className="max-w-2xl">
        <h3 className="mb-3 font-medium">Assign a track</h3>
        <TrackForm teamId={teamId} />
      </div>
    </div>
  );
}
