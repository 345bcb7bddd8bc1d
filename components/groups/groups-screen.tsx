'use client';

import { useMemo, useState } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { selectGroups, selectOffsetsLog } from '@/lib/store/selectors';
import { Card } from '@/components/ui/card';
import { OffsetsLogNotice } from './offsets-log-notice';
import { GroupRows } from './group-rows';

export function GroupsScreen() {
  const t = useTranslations('groups');
  const c = useTranslations('common');
  const groups = useLiveStore(selectGroups);
  const offsetsLog = useLiveStore(selectOffsetsLog);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return groups.filter(
      (g) =>
        !needle || g.groupId.toLowerCase().includes(needle) || g.topics.some((t) => t.toLowerCase().includes(needle)),
    );
  }, [groups, filter]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold text-zinc-100">{t('title')}</h1>
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('filter')}
          aria-label={t('filterLabel')}
          className="w-full rounded sm:w-64 border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm text-zinc-100 placeholder:text-zinc-400 focus:border-violet-500 focus:outline-none"
        />
        <span className="text-xs text-zinc-400" data-testid="group-count">
          {c('count.groups', { count: groups.length })}
        </span>
      </div>
      <OffsetsLogNotice offsetsLog={offsetsLog} />
      <Card>
        {rows.length ? (
          <table className="w-full text-left text-xs" data-testid="group-table">
            <thead className="text-zinc-400">
              <tr className="border-b border-zinc-800">
                <th className="py-2 font-medium">{t('col.group')}</th>
                <th className="font-medium">{t('col.state')}</th>
                <th className="font-medium">{t('col.health')}</th>
                <th className="font-medium">{t('col.assignor')}</th>
                <th className="text-right font-medium">{t('col.members')}</th>
                <th className="pl-4 font-medium">{t('col.topics')}</th>
                <th className="text-right font-medium">{t('col.totalLag')}</th>
                <th className="text-right font-medium">{t('col.trend')}</th>
                <th className="text-right font-medium">{t('col.consuming')}</th>
                <th className="text-right font-medium">{t('col.coordinator')}</th>
              </tr>
            </thead>
            <GroupRows rows={rows} />
          </table>
        ) : (
          <p className="text-zinc-400">{filter ? t('noMatch') : t('empty')}</p>
        )}
      </Card>
    </div>
  );
}
