import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { LoginPage } from './pages/login-page';

// The production build under the security headers: every screen works with no CSP violation,
// and with login on a person signs in on the login page, sees the dashboard, and signs out.

/** Records CSP violations the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return violations;
}

test('every screen of the production build runs under the CSP with zero violations, with security headers', async ({
  page,
}) => {
  const violations = await watchCsp(page);
  for (const path of ['/', '/topics', '/groups', '/lab']) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    const headers = res!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-powered-by']).toBeUndefined();
    // The socket connects and the page is live: scripts ran and the websocket was allowed.
    await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  }
  // The overview's charts (inline styles) render.
  await page.goto('/');
  await expect(page.locator('.recharts-wrapper').first()).toBeVisible();
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  expect(violations).toEqual([]);
});

test('with login on, a person signs in on the login page, sees no secret, and signs out', async ({ page, context }) => {
  const token = `e2e-token-${crypto.randomBytes(8).toString('hex')}`;
  const saslPassword = `e2e-sasl-${crypto.randomBytes(8).toString('hex')}`;
  const server: ChildProcess = spawn('npx', ['tsx', 'server/index.ts'], {
    // SASL against the PLAINTEXT embedded cluster fails: the page shows that, not the password.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      POLL_INTERVAL_MS: '500',
      KAFKA_LIVE_AUTH_TOKEN: token,
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'e2e-user',
      KAFKA_SASL_PASSWORD: saslPassword,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /dashboard on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
    });
    const violations = await watchCsp(page);
    const login = new LoginPage(page);

    await page.goto(`${url}/lab`);
    await expect(page).toHaveURL(`${url}/login?next=%2Flab`);
    await expect(login.form()).toBeVisible();
    await page.screenshot({ path: 'test-results/login.png' });

    await login.signIn('not-the-token-at-all');
    await expect(login.error()).toHaveText('wrong access token');

    await login.signIn(token);
    await expect(page).toHaveURL(`${url}/lab`);
    await expect(page.getByTestId('sign-out')).toBeVisible();
    await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'unreachable');
    await expect(page.getByTestId('kafka-banner')).toBeVisible();
    const [cookie] = await context.cookies(url);
    expect(cookie).toMatchObject({ name: 'kafka_live_session', httpOnly: true, sameSite: 'Strict', secure: false });
    for (const secret of [token, saslPassword]) {
      expect(await page.content()).not.toContain(secret);
      expect(await (await page.request.get(`${url}/api/cluster`)).text()).not.toContain(secret);
    }
    await page.screenshot({ path: 'test-results/signed-in.png' });

    await page.getByTestId('sign-out').click();
    // The sign-out answer and the page noticing its closed socket both lead to the login page;
    // whichever wins may keep where the person was.
    await expect(page).toHaveURL(new RegExp(`^${url}/login(\\?next=%2Flab)?$`));
    await expect(login.form()).toBeVisible();
    expect(await context.cookies(url)).toEqual([]);
    await page.goto(`${url}/`);
    await expect(page).toHaveURL(`${url}/login?next=%2F`);
    expect(violations).toEqual([]);
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
});
