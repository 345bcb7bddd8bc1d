import type { ReactNode } from 'react';
import { ScrollArea } from './scroll-area';

export function Card({
  title,
  actions,
  children,
  className = '',
  testId,
  level = 2,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** 1 where the card is the page (not-found and error pages): every page has one h1. */
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section data-testid={testId} className={`min-w-0 rounded-lg border border-zinc-800 bg-zinc-900/60 ${className}`}>
      {title !== undefined && (
        <header className="flex items-center justify-between border-b border-zinc-800 px-4 py-2">
          <Heading className="text-xs font-semibold uppercase tracking-wider text-zinc-400">{title}</Heading>
          {actions}
        </header>
      )}
      <ScrollArea className="p-4" label={typeof title === 'string' ? title : undefined}>
        {children}
      </ScrollArea>
    </section>
  );
}
