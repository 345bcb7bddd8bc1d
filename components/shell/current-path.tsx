'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';

/** The address being shown, for pages that say what they could not find. Read from the window
 *  after mounting: the not-found page is prerendered once, under Next.js's own `/_not-found`,
 *  and usePathname can still answer that while the page hydrates. */
export function CurrentPath() {
  const t = useTranslations('shell.notFound');
  const [path, setPath] = useState<string | null>(null);
  useEffect(() => setPath(window.location.pathname), []);
  if (path === null) return <span>{t('thisAddress')}</span>;
  return <span className="break-all font-mono text-zinc-100">{path}</span>;
}
