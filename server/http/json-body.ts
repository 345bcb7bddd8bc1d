import type { IncomingMessage } from 'node:http';

// A POST's JSON body, bounded, for the API's routes that take one (actions, searches).

export type JsonBody = { ok: true; payload: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

export function readJsonBody(req: IncomingMessage, maxBytes: number, what: string): Promise<JsonBody> {
  // JSON only: a cross-site HTML form cannot send it without the browser asking first.
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    return Promise.resolve({
      ok: false,
      status: 415,
      error: `send the ${what} as JSON (content-type: application/json), not ${type ? `"${type.slice(0, 100)}"` : 'without a content type'}`,
    });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        resolve({ ok: false, status: 413, error: `request body over ${maxBytes} bytes` });
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (refused) return;
      try {
        resolve({ ok: true, payload: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch (e) {
        resolve({
          ok: false,
          status: 400,
          error: `the body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    });
  });
}
