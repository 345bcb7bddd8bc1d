import type { Page } from '@playwright/test';

/** Records every action the page sends to the server, over the websocket or the polling
 *  fallback, so a test can tell "refused in the page" from "refused by the server".
 *  Start it before the page opens its socket. */
export function spyOnActions(page: Page): { sent: string[] } {
  const sent: string[] = [];
  const note = (data: string | null | undefined) => {
    if (data?.includes('"action:run"')) sent.push(data);
  };
  page.on('websocket', (ws) => ws.on('framesent', (frame) => note(String(frame.payload))));
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/socket.io/')) note(request.postData());
  });
  return { sent };
}
