'use client';

import { useTranslations } from 'use-intl';
import { ProblemCard } from '@/components/shell/problem-card';

// What a topic's pages (its detail, its messages) show for a topic that does not exist.

export function TopicMissing({ name }: { name: string }) {
  const t = useTranslations('topics.missing');
  return (
    <ProblemCard
      title={t('title')}
      testId="topic-missing"
      links={[
        { href: '/topics', label: t('all') },
        { href: '/', label: t('overview') },
      ]}
    >
      <p>{t.rich('body', { name: () => <span className="font-mono text-zinc-100">{name}</span> })}</p>
    </ProblemCard>
  );
}
