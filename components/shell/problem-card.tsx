'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';

export interface ProblemLink {
  href: string;
  label: string;
}

/** What a page cannot show and where to go instead: not-found pages, missing topics and
 *  groups, and render errors all look alike, so a person recognises the situation. */
export function ProblemCard({
  title,
  children,
  links,
  actions,
  testId,
}: {
  title: string;
  children: ReactNode;
  links: ProblemLink[];
  /** Buttons before the links, e.g. "Try again". */
  actions?: ReactNode;
  testId?: string;
}) {
  const t = useTranslations('shell');
  return (
    <div className="mx-auto max-w-2xl pt-6 md:pt-12">
      <Card title={title} testId={testId} level={1}>
        <div className="space-y-4">
          <div className="space-y-2 text-zinc-300">{children}</div>
          <nav aria-label={t('whereToGo')} className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {actions}
            {links.map((l) => (
              <Link key={l.href} href={l.href} className="text-violet-300 hover:underline">
                {l.label}
              </Link>
            ))}
          </nav>
        </div>
      </Card>
    </div>
  );
}
