'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { useLiveStore } from '@/lib/store';
import { useGroupWatch } from '@/lib/store/use-live-bridge';
import { selectSidecar } from '@/lib/store/selectors';
import { catchUp, idleMembers, isRebalancing, memberColors } from '@/lib/group-derive';
import { LAG_HISTORY_CAP } from '@/lib/contract/groups';
import { Card } from '@/components/ui/card';
import { Stat } from '@/components/ui/stat';
import { Badge } from '@/components/ui/badge';
import { formatCount } from '@/components/ui/format';
import { LagChart } from '@/components/charts/lag-chart';
import { GroupStateBadge } from './group-state-badge';
import { LagTrend } from './lag-trend';
import { MemberCards } from './member-cards';
import { OffsetsTable } from './offsets-table';
import { RebalanceTimeline } from './rebalance-timeline';
import { SidecarNotice } from './sidecar-notice';
import { RebalanceNowButton } from '@/components/lab/rebalance-now-button';
import { OffsetsReset } from './offsets-reset';

function RebalancingFor({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  return <Badge tone="warn">rebalancing for {Math.max(0, Math.round((now - since) / 1000))} s</Badge>;
}

export function GroupDetailScreen({ groupId }: { groupId: string }) {
  useGroupWatch(groupId);
  const detail = useLiveStore((s) => (s.detailFor === groupId ? s.groupDetail : null));
  const answered = useLiveStore((s) => s.detailFor === groupId);
  const points = useLiveStore((s) => s.lagHistory);
  const sidecar = useLiveStore(selectSidecar);
  const colors = useMemo(() => memberColors(detail?.members ?? []), [detail?.members]);

  if (!answered) return <p className="text-zinc-500">Loading…</p>;
  if (!detail) {
    return (
      <div className="space-y-2" data-testid="group-missing">
        <p className="text-zinc-300">
          No consumer group named <span className="font-mono">{groupId}</span> (yet). It appears here as soon as a consumer joins it or commits for it.
        </p>
        <Link href="/groups" className="text-violet-300 hover:underline">
          ← All groups
        </Link>
      </div>
    );
  }
  const idle = idleMembers(detail).length;
  const partitions = detail.offsets.length;
  const eta = catchUp({ ...detail, members: detail.members.length });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/groups" className="text-zinc-500 hover:text-zinc-300">
          Groups /
        </Link>
        <h1 className="font-mono text-lg font-semibold text-zinc-100" data-testid="group-id">
          {detail.groupId}
        </h1>
        <GroupStateBadge state={detail.state} testId="group-state" />
        {detail.generation !== null && (
          <span className="font-mono text-xs text-zinc-400" data-testid="group-generation">
            gen {detail.generation}
          </span>
        )}
        {isRebalancing(detail) && detail.rebalancingSince !== null && <RebalancingFor since={detail.rebalancingSince} />}
        <span className="text-xs text-zinc-500">
          {detail.protocolType || 'unknown protocol'}
          {detail.protocol ? ` · ${detail.protocol}` : ''} · coordinator {detail.coordinator === null ? '—' : `#${detail.coordinator}`}
        </span>
        <RebalanceNowButton groupId={detail.groupId} />
      </div>
      <SidecarNotice sidecar={sidecar} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Members" value={detail.members.length} hint={idle ? `${idle} idle` : 'all reading'} tone={idle ? 'warn' : 'neutral'} testId="stat-members" />
        <Stat label="Partitions" value={partitions} hint={`${detail.uncommittedPartitions} with nothing committed`} />
        <Stat label="Total lag" value={detail.totalLag === null ? '—' : formatCount(detail.totalLag)} hint={<LagTrend group={detail} />} tone={detail.totalLag ? 'warn' : 'neutral'} testId="stat-lag" />
        <Stat label="Consuming" value={detail.consumeRate === null ? '—' : `${detail.consumeRate}/s`} hint="committed past, last 15 s" />
        <Stat label="Producing" value={detail.produceRate === null ? '—' : `${detail.produceRate}/s`} hint="into these partitions" />
        <Stat label="Time to catch up" value={eta.label} hint={eta.text} tone={eta.label === 'falling behind' ? 'bad' : 'neutral'} testId="stat-catch-up" />
      </div>
      <Card title="Members and their partitions">
        <p className="mb-3 text-xs text-zinc-500">A partition is read by one member of a group at a time; more members than partitions leaves some idle.</p>
        <MemberCards detail={detail} colors={colors} />
      </Card>
      <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          <Card title={`Lag over time (last ${LAG_HISTORY_CAP} samples)`}>
            <LagChart points={points} />
          </Card>
          <Card title="Offsets">
            <OffsetsTable detail={detail} colors={colors} />
          </Card>
        </div>
        <Card title="Rebalance timeline">
          <RebalanceTimeline rebalances={detail.rebalances} members={detail.members} colors={colors} />
        </Card>
      </div>
      <OffsetsReset detail={detail} />
    </div>
  );
}
