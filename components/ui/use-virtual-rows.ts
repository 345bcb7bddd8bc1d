'use client';

import { useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';

// Long tables (thousands of topics, hundreds of groups) render only the rows near the
// viewport, with one spacer row above and one below for the rest: the first render and each
// live update then cost the same whatever the cluster's size. The page itself scrolls, so
// the table keeps its place in the layout.

/** A text-xs row with py-1.5 cells and a bottom border; rows are measured once drawn. */
const ROW_HEIGHT_PX = 29;
// Rows drawn beyond the viewport each way, so a quick scroll shows no blank space.
const OVERSCAN = 20;

export function useVirtualRows(count: number) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    // Where the table starts in the page: content above it (a form opening) moves it.
    const measure = () => setMargin(el.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: OVERSCAN,
    scrollMargin: margin,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    body,
    items,
    measure: virtualizer.measureElement,
    padTop: first ? first.start - margin : 0,
    padBottom: last ? Math.max(0, virtualizer.getTotalSize() - (last.end - margin)) : 0,
  };
}
