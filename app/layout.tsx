import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { LiveProvider } from '@/components/shell/live-provider';
import { AppHeader } from '@/components/shell/app-header';
import { StatusBanner } from '@/components/shell/status-banner';
import { I18nProvider } from '@/components/shell/i18n-provider';

export const metadata: Metadata = {
  title: 'Kafka Live',
  description: 'A live dashboard for Apache Kafka',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
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
