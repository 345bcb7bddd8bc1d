import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { LiveProvider } from '@/components/shell/live-provider';
import { AppHeader } from '@/components/shell/app-header';
import { StatusBanner } from '@/components/shell/status-banner';

export const metadata: Metadata = {
  title: 'Kafka Live',
  description: 'A live dashboard for Apache Kafka',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-950 font-sans text-sm text-zinc-200 antialiased">
        <LiveProvider>
          <AppHeader />
          <StatusBanner />
          <main className="mx-auto max-w-[1600px] px-4 py-5">{children}</main>
        </LiveProvider>
      </body>
    </html>
  );
}
