import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

// Form controls in one look. Labels wrap their control, so getByLabel finds it.

const CONTROL =
  'w-full rounded border border-zinc-700 bg-zinc-950 px-2 py-1 text-sm text-zinc-100 placeholder:text-zinc-400 focus:border-violet-500 focus:outline-none';

/** `error` is the field's own problem in plain words, shown under it (the form clears it when
 *  the input changes). */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <label className="block space-y-1">
      <span className="text-[11px] font-medium uppercase tracking-wider text-zinc-400">{label}</span>
      {children}
      {error ? (
        <span role="alert" className="block text-xs text-rose-300" data-testid="field-error">
          {error}
        </span>
      ) : (
        hint !== undefined && <span className="block text-xs text-zinc-400">{hint}</span>
      )}
    </label>
  );
}

export function TextInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={`${CONTROL} ${props.className ?? ''}`} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={`${CONTROL} ${props.className ?? ''}`} />;
}
