'use client';

// Several topics picked by a tap each: checkboxes in a scrolling box, in place of a multiple
// select that needs ctrl/cmd-click and is awkward on a touch screen.

export function TopicChecklist({
  legend,
  hint,
  names,
  picked,
  onChange,
}: {
  legend: string;
  hint: string;
  names: string[];
  picked: string[];
  onChange(next: string[]): void;
}) {
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...picked.filter((p) => p !== name), name] : picked.filter((p) => p !== name));
  return (
    <fieldset className="space-y-1" data-testid="lab-topics">
      <legend className="text-[11px] font-medium uppercase tracking-wider text-zinc-400">{legend}</legend>
      {names.length > 0 && (
        <div className="max-h-28 space-y-0.5 overflow-y-auto rounded border border-zinc-700 bg-zinc-950 p-1">
          {names.map((name) => (
            <label key={name} className="flex min-h-8 items-center gap-2 rounded px-1 text-sm text-zinc-100">
              <input type="checkbox" checked={picked.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
              <span className="truncate font-mono text-xs">{name}</span>
            </label>
          ))}
        </div>
      )}
      <span className="block text-xs text-zinc-400">{hint}</span>
    </fieldset>
  );
}
