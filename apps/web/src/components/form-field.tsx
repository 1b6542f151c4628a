// A labelled input with its validation message, used by every form.
import type { ComponentProps } from "react";

interface FormFieldProps extends ComponentProps<"input"> {
  label: string;
  name: string;
  error?: string | undefined;
}

export function FormField({ label, name, error, ...inputProps }: FormFieldProps) {
  // Forms repeated on one page (one per row) give each input an id; the message follows it.
  const errorId = `${inputProps.id ?? name}-error`;
  return (
    <label className="block">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <input
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-emerald-500 focus:ring-1 focus:ring-emerald-500 focus:outline-none"
        {...inputProps}
      />
      {error ? (
        <span id={errorId} role="alert" className="mt-1 block text-sm text-red-600">
          {error}
        </span>
      ) : null}
    </label>
  );
}
