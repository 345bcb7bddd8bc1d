'use client';

import type { ReactNode } from 'react';
import { useLiveBridge } from '@/lib/store/use-live-bridge';

/** Opens the one socket connection for the whole app, whatever screen is shown. */
export function LiveProvider({ children }: { children: ReactNode }) {
  useLiveBridge();
  return <>{children}</>;
}
