'use client';

import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslations } from 'use-intl';
import type { LagPoint } from '@/lib/contract/groups';
import { useFormat } from '@/components/ui/format';

// app/globals.css sets these per theme: pale tints on dark, deeper shades on white.
const PARTITION_COLORS = Array.from({ length: 8 }, (_, i) => `var(--chart-p${i})`);
// Beyond this many partitions the lines are noise: the total tells the story.
const MAX_PARTITION_LINES = 8;

/** Total lag (thick) and per-partition lag over the server's rolling window. */
export function LagChart({ points }: { points: LagPoint[] }) {
  const t = useTranslations('common.charts');
  const { time } = useFormat();
  const { rows, keys } = useMemo(() => {
    const all = new Set<string>();
    for (const p of points) for (const k of Object.keys(p.partitions)) all.add(k);
    const keys = [...all].sort().slice(0, MAX_PARTITION_LINES);
    return {
      keys,
      rows: points.map((p) => ({
        at: p.at,
        total: p.total,
        ...Object.fromEntries(keys.map((k) => [k, p.partitions[k] ?? null])),
      })),
    };
  }, [points]);
  return (
    <div className="h-56" data-testid="lag-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -8 }}>
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
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line
            type="monotone"
            dataKey="total"
            name={t('total')}
            stroke="var(--chart-total)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          {keys.map((k, i) => (
            <Line
              key={k}
              type="monotone"
              dataKey={k}
              name={t('partition', { partition: k.split(':').pop() ?? '' })}
              stroke={PARTITION_COLORS[i % PARTITION_COLORS.length]}
              strokeWidth={1}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
