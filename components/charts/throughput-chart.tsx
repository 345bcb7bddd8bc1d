'use client';

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { useFormat } from '@/components/ui/format';

export function ThroughputChart() {
  const points = useLiveStore((s) => s.throughput);
  const t = useTranslations('common.charts');
  const { time } = useFormat();
  return (
    <div
      className="h-40"
      data-testid="throughput-chart"
      data-points={points.length}
      data-first-at={points[0]?.at ?? ''}
      data-last-at={points.at(-1)?.at ?? ''}
    >
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <defs>
            <linearGradient id="rate" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#8b5cf6" stopOpacity={0.5} />
              <stop offset="100%" stopColor="#8b5cf6" stopOpacity={0} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis dataKey="at" tickFormatter={time} stroke="var(--chart-axis)" fontSize={10} minTickGap={60} />
          <YAxis stroke="var(--chart-axis)" fontSize={10} allowDecimals={false} />
          <Tooltip
            contentStyle={{
              background: 'var(--chart-tooltip-bg)',
              border: '1px solid var(--chart-tooltip-border)',
              fontSize: 12,
            }}
            labelFormatter={(at) => time(Number(at))}
            formatter={(v) => [t('rate', { value: Number(v).toFixed(1) }), t('produced')]}
          />
          <Area type="monotone" dataKey="rate" stroke="var(--chart-rate)" fill="url(#rate)" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
