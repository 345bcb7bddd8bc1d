'use client';

import { useMemo } from 'react';
import { useLiveStore } from '@/lib/store';
import { selectTopics } from '@/lib/store/selectors';
import { Select } from '@/components/ui/field';

/** The user topics, for choosing where to produce and what to tail. */
export function useUserTopics(): { name: string; partitions: number }[] {
  const topics = useLiveStore(selectTopics);
  return useMemo(() => topics.filter((t) => !t.internal).map((t) => ({ name: t.name, partitions: t.partitions.length })).sort((a, b) => a.name.localeCompare(b.name)), [topics]);
}

export function TopicPicker({ value, onChange, label = 'Topic', testId }: { value: string; onChange: (topic: string) => void; label?: string; testId?: string }) {
  const topics = useUserTopics();
  return (
    <Select aria-label={label} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      {!topics.some((t) => t.name === value) && <option value={value}>{value || 'choose a topic'}</option>}
      {topics.map((t) => (
        <option key={t.name} value={t.name}>
          {t.name} ({t.partitions} partition{t.partitions === 1 ? '' : 's'})
        </option>
      ))}
    </Select>
  );
}
