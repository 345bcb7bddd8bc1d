'use client';

import { InstancesPanel } from './instances-panel';

export function LabScreen() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-lg font-semibold text-zinc-100">Consumer lab</h1>
        <p className="text-sm text-zinc-500">Scale an app out and in, kill or stop its instances, and watch the group rebalance.</p>
      </div>
      <InstancesPanel />
    </div>
  );
}
