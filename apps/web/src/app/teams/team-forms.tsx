"use client";
// The forms of the team pages: create a team and add people (administrators), assign or
// edit a track (a team's leads). A refused form keeps what was typed, with the reason
// beside the field it concerns.
import { useActionState } from "react";
import { FormField } from "@/components/form-field";
import { FormSubmit } from "@/components/form-submit";
import { submitAddMember, submitCreateTeam, submitTrack, type TAddMemberState, type TCreateTeamState, type TTrackFormState } from "./actions";

const FORM_CLASS = "space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm";

export function CreateTeamForm() {
  const [state, formAction, isPending] = useActionState<TCreateTeamState, FormData>(submitCreateTeam, { fieldErrors: {}, formError: null, values: { name: "" } });
  return (
    <form action={formAction} className={FORM_CLASS} noValidate>
      <FormField label="Team name" name="name" defaultValue={state.values.name} error={state.fieldErrors.name} />
      <FormSubmit error={state.formError} isPending={isPending} label="Create team" pendingLabel="Creating…" />
    </form>
  );
}

export function AddMemberForm({ teamId }: { teamId: string }) {
  const [state, formAction, isPending] = useActionState<TAddMemberState, FormData>(submitAddMember, { fieldErrors: {}, formError: null, values: { teamId, email: "", isLead: false } });
  return (
    <form action={formAction} className={FORM_CLASS} noValidate data-testid="add-member-form">
      <input type="hidden" name="teamId" value={teamId} />
      <FormField label="Email of the account to add" name="email" type="email" autoComplete="off" defaultValue={state.values.email} error={state.fieldErrors.email} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="isLead" defaultChecked={state.values.isLead} aria-describedby={state.fieldErrors.isLead ? "isLead-error" : undefined} />
        Team lead (assigns tracks, sees this dashboard; instructors and administrators only)
      </label>
      {state.fieldErrors.isLead ? (
        <p id="isLead-error" role="alert" className="text-sm text-red-600">
          {state.fieldErrors.isLead}
        </p>
      ) : null}
      <FormSubmit error={state.formError} isPending={isPending} label="Add to team" pendingLabel="Adding…" />
    </form>
  );
}

interface TTrackFormProps {
  teamId: string;
  /** The track being edited; absent to assign a new one. */
  track?: { id: string; title: string; topicIds: string[]; dueDay: string };
}

export function TrackForm({ teamId, track }: TTrackFormProps) {
  const initial: TTrackFormState = {
    fieldErrors: {},
    formError: null,
    values: { teamId, trackId: track?.id ?? "", title: track?.title ?? "", topicIds: track?.topicIds.join(", ") ?? "", dueAt: track?.dueDay ?? "" },
    savedAt: null,
  };
  const [state, formAction, isPending] = useActionState(submitTrack, initial);
  const label = track ? "Save track" : "Assign track";
  // Field names repeat once per track on the page, so error ids must not collide.
  const idPrefix = track ? `track-${track.id}-` : "new-track-";
  return (
    <form action={formAction} className={FORM_CLASS} noValidate data-testid={track ? "edit-track-form" : "new-track-form"}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="trackId" value={state.values.trackId} />
      <FormField id={`${idPrefix}title`} label="Track title" name="title" defaultValue={state.values.title} error={state.fieldErrors.title} />
      <FormField id={`${idPrefix}topics`} label="Topics, in order (ids, e.g. 2.2, 3.4, 5.2)" name="topicIds" defaultValue={state.values.topicIds} error={state.fieldErrors.topicIds} />
      <div className="max-w-xs">
        <FormField id={`${idPrefix}due`} label="Due (end of day, UTC)" name="dueAt" type="date" defaultValue={state.values.dueAt} error={state.fieldErrors.dueAt} />
      </div>
      <FormSubmit error={state.formError} isPending={isPending} label={label} pendingLabel="Saving…" />
      {state.savedAt !== null && Object.keys(state.fieldErrors).length === 0 && !state.formError ? (
        <p role="status" className="text-sm text-emerald-700">
          {track ? "Saved." : "Track assigned to every member of the team."}
        </p>
      ) : null}
    </form>
  );
}
