import type { AuthSettings } from './config';

// The small page a person gets instead of a raw 401: plain HTML with no script, so it needs
// nothing from the Next.js build and nothing beyond the CSP.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function loginPage(kind: AuthSettings['kind'], next: string, error: string | null): string {
  const fields =
    kind === 'token'
      ? `<label>Access token<input name="token" type="password" autocomplete="current-password" required autofocus data-testid="login-token"></label>`
      : `<label>Username<input name="username" autocomplete="username" required autofocus data-testid="login-username"></label>
      <label>Password<input name="password" type="password" autocomplete="current-password" required data-testid="login-password"></label>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Kafka Live</title>
<style>
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#09090b;color:#e4e4e7;font:14px system-ui,sans-serif}
form{width:320px;display:grid;gap:14px;padding:28px;border:1px solid #27272a;border-radius:10px;background:#18181b}
h1{margin:0;font-size:18px}label{display:grid;gap:6px;color:#a1a1aa}
input{padding:8px 10px;border-radius:6px;border:1px solid #3f3f46;background:#09090b;color:#e4e4e7;font:inherit}
button{padding:9px;border:0;border-radius:6px;background:#7c3aed;color:#fff;font-weight:600;cursor:pointer}
p[role=alert]{margin:0;color:#fca5a5}
</style></head>
<body><form method="post" action="/login" data-testid="login-form">
<h1>Kafka Live</h1>
${error ? `<p role="alert" data-testid="login-error">${escape(error)}</p>` : ''}
${fields}
<input type="hidden" name="next" value="${escape(next)}">
<button type="submit">Sign in</button>
</form></body></html>`;
}
