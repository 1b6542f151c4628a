// The end of every form: the form-level error (if any) and the submit button, which says
// what is happening while the action runs.
export function FormSubmit({ error, isPending, label, pendingLabel }: { error: string | null; isPending: boolean; label: string; pendingLabel: string }) {
  return (
    <>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={isPending} className="rounded-md bg-emerald-600 px-4 py-2 font-medium text-white hover:bg-emerald-700 disabled:opacity-60">
        {isPending ? pendingLabel : label}
      </button>
    </>
  );
}
