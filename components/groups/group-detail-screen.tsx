'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { useWatch } from '@/lib/store/use-live-bridge';
import { viewOf } from '@/lib/store/watch-slice';
import { selectOffsetsLog } from '@/lib/store/selectors';
import { catchUp, isRebalancing, memberColors, memberCounts, membersHint } from '@/lib/group-derive';
import { isLive, silentMembers } from '@/lib/lab-derive';
import { useNow } from '@/components/ui/use-now';
import { LAG_HISTORY_CAP, type GroupDetail, type LagPoint } from '@/lib/contract/groups';
import { Card } from '@/components/ui/card';
import { ProblemCard } from '@/components/shell/problem-card';
import { Stat } from '@/components/ui/stat';
import { Badge } from '@/components/ui/badge';
import { useFormat } from '@/components/ui/format';
import { LagChart } from '@/components/charts/lag-chart';
import { GroupStateBadge } from './group-state-badge';
import { GroupTypeBadge } from './group-type-badge';
import { LagTrend } from './lag-trend';
import { MemberCards } from './member-cards';
import { OffsetsTable } from './offsets-table';
import { RebalanceTimeline } from './rebalance-timeline';
import { EpochTimeline } from './epoch-timeline';
import { OffsetsLogNotice } from './offsets-log-notice';
import { RebalanceNowButton } from '@/components/lab/rebalance-now-button';
import { OffsetsReset } from './offsets-reset';
import { GroupHealthCard } from './group-health-card';
import { useGroupWords } from './use-group-words';
import { useGroupLagAgeText } from './lag-age';
import { DeleteGroup } from './delete-group';

/** The colours last shown per group, kept across client navigation between pages, so a
 *  member keeps its colour when a newcomer would have taken it (lib/group-derive memberColors). */
const shownColors = new Map<string, Map<string, string>>();

// A fresh [] per render would look like a change to the chart.
const NO_POINTS: LagPoint[] = [];

function RebalancingFor({ since }: { since: number }) {
  const t = useTranslations('groups.detail');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  return <Badge tone="warn">{t('rebalancingFor', { seconds: Math.max(0, Math.round((now - since) / 1000)) })}</Badge>;
}

export function GroupDetailScreen({ groupId }: { groupId: string }) {
  const t = useTranslations('groups.detail');
  const c = useTranslations('common');
  useWatch({ kind: 'group', groupId });
  const view = useLiveStore((s) => viewOf(s, { kind: 'group', groupId }));
  const detail = view?.detail ?? null;
  const answered = view?.answered ?? false;
  const points = view?.lagHistory ?? NO_POINTS;
  const offsetsLog = useLiveStore(selectOffsetsLog);
  const colors = useMemo(() => {
    const next = memberColors(detail?.members ?? [], shownColors.get(groupId));
    shownColors.set(groupId, next);
    return next;
  }, [detail?.members, groupId]);

  if (!answered) return <p className="text-zinc-400">{c('loading')}</p>;
  if (!detail) {
    return (
      <ProblemCard
        title={t('notFound')}
        testId="group-missing"
        links={[
          { href: '/groups', label: t('allGroups') },
          { href: '/', label: t('overview') },
        ]}
      >
        <p>{t.rich('missing', { id: () => <span className="font-mono text-zinc-100">{groupId}</span> })}</p>
      </ProblemCard>
    );
  }
  return <GroupDetail detail={detail} points={points} offsetsLog={offsetsLog} colors={colors} />;
}

function GroupDetail({
  detail,
  points,
  offsetsLog,
  colors,
}: {
  detail: GroupDetail;
  points: LagPoint[];
  offsetsLog: ReturnType<typeof selectOffsetsLog>;
  colors: Map<string, string>;
}) {
  const t = useTranslations('groups.detail');
  const fmt = useFormat();
  const groupWords = useGroupWords();
  const lagAge = useGroupLagAgeText(detail.lagAge);
  const lab = useLiveStore((s) => s.labInstances);
  // The clock ticks only while an ended lab instance of this group may still have members here.
  const now = useNow(lab.some((i) => i.groupId === detail.groupId && !isLive(i)));
  const silent = silentMembers(detail, lab, now);
  const counts = memberCounts(detail, new Set(silent.keys()));
  const hint = membersHint(counts);
  const partitions = detail.offsets.length;
  // Silent members read nothing: with only those, no rate promises a catch-up.
  const eta = catchUp({ ...detail, members: counts.total - counts.silent });
  const etaWords = groupWords.catchUp(eta);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/groups" className="text-zinc-400 hover:text-zinc-300">
          {t('breadcrumb')}
        </Link>
        <h1 className="font-mono text-lg font-semibold text-zinc-100" data-testid="group-id">
          {detail.groupId}
        </h1>
        <GroupStateBadge state={detail.state} testId="group-state" />
        <GroupTypeBadge type={detail.type} testId="group-type" />
        {detail.epochs && (
          <span className="font-mono text-xs text-zinc-400" data-testid="group-epochs">
            {t('epochs', { group: detail.epochs.groupEpoch, assignment: detail.epochs.assignmentEpoch })}
          </span>
        )}
        {detail.type === 'share' && (
          <span className="text-xs text-zinc-400" data-testid="share-note">
            {t('shareNote')}
          </span>
        )}
        {detail.generation !== null && (
          <span className="font-mono text-xs text-zinc-400" data-testid="group-generation">
            {t('generation', { generation: detail.generation })}
          </span>
        )}
        {isRebalancing(detail) && detail.rebalancingSince !== null && (
          <RebalancingFor since={detail.rebalancingSince} />
        )}
        <span className="text-xs text-zinc-400">
          {detail.protocolType || t('unknownProtocol')}
          {detail.protocol ? ` · ${detail.protocol}` : ''} ·{' '}
          {t('coordinator', { id: detail.coordinator === null ? '—' : `#${detail.coordinator}` })}
        </span>
        <RebalanceNowButton groupId={detail.groupId} />
      </div>
      <OffsetsLogNotice offsetsLog={offsetsLog} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        <Stat
          label={t('members')}
          value={detail.members.length}
          hint={
            hint === 'nobodyReading'
              ? t('nobodyReading')
              : hint === 'notHeard'
                ? t('notHeard', { count: counts.silent })
                : hint === 'idle'
                  ? t('idle', { count: counts.idle })
                  : t('allReading')
          }
          tone={hint === 'allReading' ? 'neutral' : 'warn'}
          testId="stat-members"
        />
        <Stat
          label={t('partitions')}
          value={partitions}
          hint={t('uncommitted', { count: detail.uncommittedPartitions })}
        />
        <Stat
          label={t('totalLag')}
          value={fmt.count(detail.totalLag)}
          hint={<LagTrend group={detail} />}
          tone={detail.totalLag ? 'warn' : 'neutral'}
          testId="stat-lag"
        />
        <Stat
          label={t('oldestUnread')}
          value={lagAge}
          hint={
            detail.lagAge.partition
              ? `${detail.lagAge.partition.topic}/${detail.lagAge.partition.partition}${detail.lagAge.estimate ? ` · ${t('producerTime')}` : ''}`
              : t('oldestUnreadHint')
          }
          tone={detail.lagAge.seconds ? 'warn' : 'neutral'}
          testId="stat-lag-seconds"
        />
        <Stat
          label={t('consuming')}
          value={detail.consumeRate === null ? '—' : `${fmt.count(detail.consumeRate)}/s`}
          hint={t('consumingHint')}
        />
        <Stat
          label={t('producing')}
          value={detail.produceRate === null ? '—' : `${fmt.count(detail.produceRate)}/s`}
          hint={t('producingHint')}
        />
        <Stat
          label={t('catchUp')}
          value={etaWords.label}
          hint={etaWords.text}
          tone={eta.kind === 'falling' ? 'bad' : 'neutral'}
          testId="stat-catch-up"
        />
      </div>
      <Card title={t('health')}>
        <GroupHealthCard health={detail.health} silent={counts.silent} />
      </Card>
      <Card title={t('membersCard')}>
        <p className="mb-3 text-xs text-zinc-400">{t('membersNote')}</p>
        <MemberCards detail={detail} colors={colors} silent={silent} now={now} />
      </Card>
      <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          <Card title={t('lagOverTime', { count: LAG_HISTORY_CAP })}>
            <LagChart points={points} />
          </Card>
          <Card title={t('offsets')}>
            <OffsetsTable detail={detail} colors={colors} />
          </Card>
        </div>
        {detail.type === 'classic' ? (
          <Card title={t('timeline')}>
            <RebalanceTimeline rebalances={detail.rebalances} members={detail.members} colors={colors} />
          </Card>
        ) : (
          // The new protocols keep no generations: their timeline is the epochs the log records.
          <Card title={t('epochTimeline')}>
            <EpochTimeline timeline={detail.timeline} />
          </Card>
        )}
      </div>
      <OffsetsReset detail={detail} />
      <DeleteGroup detail={detail} />
    </div>
  );
}
