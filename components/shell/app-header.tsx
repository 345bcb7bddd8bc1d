'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useLiveStore } from '@/lib/store';
import { ConnectionIndicator } from './connection-indicator';

const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/topics', label: 'Topics' },
  { href: '/groups', label: 'Groups' },
  { href: '/lab', label: 'Lab' },
];

export function AppHeader() {
  const pathname = usePathname();
  const clusterId = useLiveStore((s) => s.cluster?.clusterId ?? null);
  const embedded = useLiveStore((s) => s.cluster?.connection.embedded ?? false);
  const bootstrap = useLiveStore((s) => s.cluster?.connection.brokers.join(', ') ?? '');
  const auth = useLiveStore((s) => s.serverInfo?.auth ?? false);
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-800 bg-zinc-950/90 backdrop-blur">
      <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold text-zinc-100">
          <span className="grid h-6 w-6 place-items-center rounded bg-violet-600 text-xs font-bold text-white">K</span>
          Kafka Live
        </Link>
        <nav className="flex gap-1 text-sm">
          {NAV.map((item) => {
            const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
            return (
              <Link key={item.href} href={item.href} className={`rounded px-3 py-1.5 ${active ? 'bg-zinc-800 text-zinc-100' : 'text-zinc-400 hover:bg-zinc-900 hover:text-zinc-200'}`}>
                {item.label}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto flex items-center gap-4 text-xs text-zinc-500">
          <span className="hidden md:inline" title={bootstrap}>
            {embedded ? 'embedded cluster' : bootstrap}
            {clusterId && <span className="ml-2 font-mono text-zinc-400" data-testid="cluster-id">{clusterId}</span>}
          </span>
          <ConnectionIndicator />
          {auth && (
            <form method="post" action="/logout">
              <button type="submit" className="rounded px-2 py-1 text-zinc-400 hover:bg-zinc-900 hover:text-zinc-200" data-testid="sign-out">
                Sign out
              </button>
            </form>
          )}
        </div>
      </div>
    </header>
  );
}
