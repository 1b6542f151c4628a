"use client";
// The controls in one row of the users table: change the role, deactivate or reactivate.
// One form and one state per row, so a refusal such as "last admin" shows on the row it is about.
import type { Role } from "@perflab/db";
import { useActionState } from "react";
import { manageUser, type TUserRowState } from "./actions";

const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: "LEARNER", label: "learner" },
  { value: "INSTRUCTOR", label: "instructor" },
  { value: "ADMIN", label: "admin" },
];

const INITIAL_STATE: TUserRowState = { message: null, isError: false };

interface UserRowActionsProps {
  user: { id: string; email: string; role: Role; isDeactivated: boolean };
  /** Why this account cannot be deactivated from here, or null when it can. */
  deactivationBlockedBecause: string | null;
}

const OUTLINE_BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";

export function UserRowActions({ user, deactivationBlockedBecause }: UserRowActionsProps) {
  const [state, formAction, isPending] = useActionState(manageUser, INITIAL_STATE);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={user.id} />
      <div className="flex flex-wrap items-center gap-2">
        {/* Keyed by role: React resets the form after each submit, and a remount makes the
            saved role (not the one the page first rendered) the value it resets to. */}
        <select
          key={user.role}
          name="role"
          defaultValue={user.role}
          aria-label={`Role of ${user.email}`}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-emerald-500 focus:ring-1 focus:ring-emerald-500 focus:outline-none"
        >
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button type="submit" name="intent" value="change-role" disabled={isPending} className="rounded-md bg-emerald-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-700 disabled:opacity-60">
          Save role
        </button>
        {user.isDeactivated ? (
          <button type="submit" name="intent" value="reactivate" disabled={isPending} className={`${OUTLINE_BUTTON} text-slate-700`}>
            Reactivate
          </button>
        ) : deactivationBlockedBecause ? (
          <span className="text-xs text-slate-500">{deactivationBlockedBecause}</span>
        ) : (
          <button type="submit" name="intent" value="deactivate" disabled={isPending} className={`${OUTLINE_BUTTON} text-red-700`}>
            Deactivate
          </button>
        )}
      </div>
      {state.message ? (
        <p role={state.isError ? "alert" : "status"} className={`text-sm ${state.isError ? "text-red-600" : "text-emerald-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
