'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { ConnectionIndicator } from './connection-indicator';
import { LanguageSwitch } from './language-switch';
import { ThemeSwitch } from './theme-switch';

const NAV = [
  { href: '/', key: 'overview' },
  { href: '/topics', key: 'topics' },
  { href: '/groups', key: 'groups' },
  { href: '/transactions', key: 'transactions' },
  { href: '/alerts', key: 'alerts' },
  { href: '/lab', key: 'lab' },
  { href: '/learn', key: 'learn' },
] as const;

function NavLinks({ pathname, onNavigate, column }: { pathname: string; onNavigate?: () => void; column?: boolean }) {
  const t = useTranslations('shell.nav');
  return (
    <>
      {NAV.map((item) => {
        const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            onClick={onNavigate}
            aria-current={active ? 'page' : undefined}
            className={`rounded px-3 py-1.5 ${column ? 'block' : ''} ${active ? 'bg-zinc-800 text-zinc-100' : 'text-zinc-300 hover:bg-zinc-900 hover:text-zinc-100'}`}
          >
            {t(item.key)}
          </Link>
        );
      })}
    </>
  );
}

export function AppHeader() {
  const t = useTranslations('shell');
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const clusterId = useLiveStore((s) => s.cluster?.clusterId ?? null);
  const embedded = useLiveStore((s) => s.cluster?.connection.embedded ?? false);
  const bootstrap = useLiveStore((s) => s.cluster?.connection.brokers.join(', ') ?? '');
  const auth = useLiveStore((s) => s.serverInfo?.auth ?? false);
  const signOut = auth && (
    <form method="post" action="/logout">
      <button
        type="submit"
        className="rounded px-2 py-1 text-zinc-300 hover:bg-zinc-900 hover:text-zinc-100"
        data-testid="sign-out"
      >
        {t('signOut')}
      </button>
    </form>
  );
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-800 bg-zinc-950/90 backdrop-blur">
      <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-3 px-4 md:gap-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold text-zinc-100">
          <span className="grid h-6 w-6 place-items-center rounded bg-violet-600 text-xs font-bold text-white">K</span>
          Kafka Live
        </Link>
        <nav className="hidden gap-1 text-sm md:flex">
          <NavLinks pathname={pathname} />
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-3 text-xs text-zinc-400 md:gap-4">
          <span className="hidden truncate xl:inline" title={bootstrap}>
            {embedded ? t('embeddedCluster') : bootstrap}
            {clusterId && (
              <span className="ml-2 font-mono text-zinc-300" data-testid="cluster-id">
                {clusterId}
              </span>
            )}
          </span>
          <ConnectionIndicator />
          <div className="hidden md:block">
            <ThemeSwitch />
          </div>
          <div className="hidden md:block">
            <LanguageSwitch />
          </div>
          <div className="hidden md:block">{signOut}</div>
          <button
            type="button"
            className="rounded px-2 py-1 text-lg leading-none text-zinc-200 hover:bg-zinc-900 md:hidden"
            aria-expanded={menuOpen}
            aria-controls="mobile-menu"
            aria-label={t('menu')}
            data-testid="menu-toggle"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {menuOpen ? '×' : '☰'}
          </button>
        </div>
      </div>
      {menuOpen && (
        <div id="mobile-menu" className="space-y-3 border-t border-zinc-800 px-4 py-3 text-sm md:hidden">
          <nav className="space-y-1">
            <NavLinks pathname={pathname} onNavigate={() => setMenuOpen(false)} column />
          </nav>
          <div className="flex items-center justify-between gap-3 text-xs">
            <div className="flex items-center gap-3">
              <LanguageSwitch />
              <ThemeSwitch />
            </div>
            {signOut}
          </div>
        </div>
      )}
    </header>
  );
}
