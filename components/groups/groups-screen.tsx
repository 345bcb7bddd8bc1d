'use client';

import { useMemo, useState } from 'react';
import { useLiveStore } from '@/lib/store';
import { selectGroups, selectSidecar } from '@/lib/store/selectors';
import { Card } from '@/components/ui/card';
import { SidecarNotice } from './sidecar-notice';
import { GroupRows } from './group-rows';

export function GroupsScreen() {
  const groups = useLiveStore(selectGroups);
  const sidecar = useLiveStore(selectSidecar);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return groups.filter((g) => !needle || g.groupId.toLowerCase().includes(needle) || g.topics.some((t) => t.toLowerCase().includes(needle)));
  }, [groups, filter]);

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-lg font-semibold text-zinc-100">Consumer groups</h1>
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter by group or topic"
          aria-label="Filter groups"
          className="w-64 rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm text-zinc-100 placeholder:text-zinc-600 focus:border-violet-500 focus:outline-none"
        />
        <span className="text-xs text-zinc-500" data-testid="group-count">
          {groups.length} groups
        </span>
      </div>
      <SidecarNotice sidecar={sidecar} />
      <Card>
        {rows.length ? (
          <table className="w-full text-left text-xs" data-testid="group-table">
            <thead className="text-zinc-500">
              <tr className="border-b border-zinc-800">
                <th className="py-2 font-medium">Group</th>
                <th className="font-medium">State</th>
                <th className="font-medium">Assignor</th>
                <th className="text-right font-medium">Members</th>
                <th className="pl-4 font-medium">Topics</th>
                <th className="text-right font-medium">Total lag</th>
                <th className="text-right font-medium">Trend (15 s)</th>
                <th className="text-right font-medium">Consuming</th>
                <th className="text-right font-medium">Coordinator</th>
              </tr>
            </thead>
            <GroupRows rows={rows} />
          </table>
        ) : (
          <p className="text-zinc-500">{filter ? 'No group matches the filter.' : 'No consumer groups yet. Start a consumer with a group id and it appears here at once.'}</p>
        )}
      </Card>
    </div>
  );
}
