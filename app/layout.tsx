import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { LiveProvider } from '@/components/shell/live-provider';
import { AppHeader } from '@/components/shell/app-header';
import { StatusBanner } from '@/components/shell/status-banner';
import { I18nProvider } from '@/components/shell/i18n-provider';
import { THEME_BOOT_SCRIPT } from '@/lib/theme/theme';

export const metadata: Metadata = {
  title: 'Kafka Live',
  description: 'A live dashboard for Apache Kafka',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // suppressHydrationWarning: lang and data-theme are set in the browser before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Runs before the body is parsed, so the first paint already has the chosen theme. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-zinc-950 font-sans text-sm text-zinc-200 antialiased">
        <I18nProvider>
          <LiveProvider>
            <AppHeader />
            <StatusBanner />
            <main className="mx-auto max-w-[1600px] px-4 py-5">{children}</main>
          </LiveProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
