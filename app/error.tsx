'use client';

import { RenderError } from '@/components/shell/render-error';

// A render error below the layout shows a card instead of a blank page.
export default function AppError(props: { error: Error & { digest?: string }; reset(): void }) {
  return <RenderError {...props} />;
}
