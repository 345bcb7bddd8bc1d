import type { IncomingMessage, ServerResponse } from 'node:http';

// Security headers on every response, pages and API alike. The CSP keeps the Next.js
// production build working: its App Router streams inline bootstrap scripts (hence
// 'unsafe-inline' for scripts; nonces would need every page rendered per request), recharts
// and React set inline styles, and socket.io talks to the same origin ('self' covers ws: to
// it). Development adds 'unsafe-eval' for Next's hot reload.

export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const PERMISSIONS = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid']
  .map((f) => `${f}=()`)
  .join(', ');

/** True when the browser reached us over TLS, directly or through a proxy that says so. */
export function overTls(req: IncomingMessage): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true || req.headers['x-forwarded-proto'] === 'https';
}

export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, csp: string): void {
  res.setHeader('content-security-policy', csp);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the page's
  // own form posts, and the origin check could not tell them from a foreign site's.
  res.setHeader('referrer-policy', 'same-origin');
  res.setHeader('permissions-policy', PERMISSIONS);
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  if (overTls(req)) res.setHeader('strict-transport-security', 'max-age=31536000');
  res.removeHeader('x-powered-by');
}
