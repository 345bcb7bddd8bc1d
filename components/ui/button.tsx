import type { ButtonHTMLAttributes } from 'react';

export type ButtonTone = 'primary' | 'neutral' | 'danger' | 'warn';

const TONES: Record<ButtonTone, string> = {
  primary: 'bg-violet-600 text-white hover:bg-violet-500 disabled:bg-violet-900 disabled:text-violet-300',
  neutral: 'bg-zinc-800 text-zinc-200 ring-1 ring-inset ring-zinc-700 hover:bg-zinc-700 disabled:text-zinc-400',
  danger: 'bg-rose-900/70 text-rose-100 ring-1 ring-inset ring-rose-700 hover:bg-rose-800 disabled:text-rose-400',
  warn: 'bg-amber-900/60 text-amber-100 ring-1 ring-inset ring-amber-700 hover:bg-amber-800 disabled:text-amber-400',
};

export function Button({
  tone = 'neutral',
  size = 'md',
  className = '',
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: ButtonTone; size?: 'sm' | 'md' }) {
  const pad = size === 'sm' ? 'px-2 py-0.5 text-xs' : 'px-3 py-1.5 text-sm';
  return (
    <button
      type={type}
      className={`inline-flex items-center gap-1 rounded font-medium transition-colors disabled:cursor-not-allowed ${pad} ${TONES[tone]} ${className}`}
      {...rest}
    />
  );
}
