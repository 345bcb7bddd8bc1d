import type { Tone } from './badge';

const DOT: Record<Tone, string> = {
  neutral: 'bg-zinc-500',
  good: 'bg-emerald-400',
  warn: 'bg-amber-400',
  bad: 'bg-rose-500',
  info: 'bg-sky-400',
  accent: 'bg-violet-400',
};

export function StatusDot({ tone, pulse = false }: { tone: Tone; pulse?: boolean }) {
  return (
    <span className="relative inline-flex h-2 w-2">
      {pulse && (
        <span className={`absolute inline-flex h-full w-full animate-ping rounded-full opacity-60 ${DOT[tone]}`} />
      )}
      <span className={`relative inline-flex h-2 w-2 rounded-full ${DOT[tone]}`} />
    </span>
  );
}
