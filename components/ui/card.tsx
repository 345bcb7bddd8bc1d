import type { ReactNode } from 'react';

export function Card({ title, actions, children, className = '', testId }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; testId?: string }) {
  return (
    <section data-testid={testId} className={`rounded-lg border border-zinc-800 bg-zinc-900/60 ${className}`}>
      {title !== undefined && (
        <header className="flex items-center justify-between border-b border-zinc-800 px-4 py-2">
          <h2 className="text-xs font-semibold uppercase tracking-wider text-zinc-400">{title}</h2>
          {actions}
        </header>
      )}
      <div className="p-4">{children}</div>
    </section>
  );
}
