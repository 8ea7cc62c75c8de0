import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBytedeskClient } from '../../lib/server/client';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** A server on 127.0.0.1, port 0; resolves with its base URL. */
async function listen(handler: (request: IncomingMessage, body: string) => [number, Record<string, string>, string]) {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const [status, headers, text] = handler(request, body);
      response.writeHead(status, headers).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function close(server: Server) {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

let elsewhere: { server: Server; url: string };
let redirecting: { server: Server; url: string };
const seenElsewhere: Seen[] = [];
const seenRedirecting: string[] = [];

beforeAll(async () => {
  elsewhere = await listen((request, body) => {
    seenElsewhere.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body });
    return [200, { 'Content-Type': 'application/json' }, JSON.stringify({ code: 200, message: 'success', data: {} })];
  });
  // 307 keeps the method and body: a client that followed it would resend password and token.
  redirecting = await listen((request) => {
    seenRedirecting.push(request.url ?? '');
    return [307, { Location: elsewhere.url + (request.url ?? '/') }, ''];
  });
});
beforeEach(() => {
  seenElsewhere.length = 0;
  seenRedirecting.length = 0;
});
afterAll(async () => {
  await Promise.all([close(redirecting.server), close(elsewhere.server)]);
});

describe('security model', () => {
  const client = () => createBytedeskClient({ baseUrl: redirecting.url, timeoutMs: 2_000 });

  it.each([
    ['login', () => client().login('admin@email.com', 'admin'), '/auth/v1/login'],
    ['profile', () => client().profile('secret-token'), '/api/v1/user/profile'],
  ])('API calls never follow a redirect (%s): neither password nor token reaches the other server', async (_, call, path) => {
    const failure: unknown = await call().then(() => null, (error: unknown) => error);
    expect(seenRedirecting).toEqual([path]);
    expect(seenElsewhere).toEqual([]);
    expect(failure).toMatchObject({ kind: 'unreachable' });
  });
});
