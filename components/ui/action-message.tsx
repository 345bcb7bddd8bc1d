/** An action's refusal or failure, next to the control that caused it. */
export function ActionMessage({ error, testId }: { error: string | null; testId?: string }) {
  if (!error) return null;
  return (
    <p
      role="alert"
      data-testid={testId}
      className="mt-2 rounded border border-rose-800 bg-rose-950/60 px-2 py-1 text-xs text-rose-200"
    >
      {error}
    </p>
  );
}
