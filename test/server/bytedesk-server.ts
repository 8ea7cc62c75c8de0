// A stand-in for a Bytedesk server: the REST calls the extension makes plus the two web
// apps, behaving as /work/shared/bytedesk-contract.md describes (quirks included), with
// switches for the ways a real deployment fails. Runs under vitest and plain Node 22.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { DEFAULT_JWT_KEY_BASE64 } from './jwt.ts';
import { route, springError, type Reply } from './routes.ts';
import { Store, type WaitingWork, type WorkSupport } from './store.ts';

export interface SeedUser {
  username: string;
  password: string;
  nickname: string;
  email?: string;
  mobile?: string;
  superUser?: boolean;
  enabled?: boolean;
}

export const DEMO_USERS: SeedUser[] = [
  { username: 'admin@email.com', password: 'admin', nickname: 'Admin', email: 'admin@email.com', mobile: '13345678000', superUser: true },
  { username: 'agent1@email.com', password: '123456', nickname: 'Agent One', email: 'agent1@email.com' },
  { username: 'agent2@email.com', password: '123456', nickname: 'Agent Two', email: 'agent2@email.com' },
  { username: 'disabled@email.com', password: '123456', nickname: 'Disabled', email: 'disabled@email.com', enabled: false },
];

export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status500' } // HTTP 500 with Spring's JSON error body
  | { kind: 'html-error' } // HTTP 502 text/html from a reverse proxy (nginx)
  | { kind: 'html-ok' } // HTTP 200 text/html: a captive portal or the wrong site
  | { kind: 'malformed-json' } // HTTP 200 application/json, truncated
  | { kind: 'reset' } // socket destroyed without an answer
  | { kind: 'huge'; bytes: number; declared: boolean } // HTTP 200 JSON of `bytes` bytes, streamed (Content-Length sent if declared)
  | { kind: 'refuse' }; // not listening at all until cleared (ignores onlyPaths: it is the whole port)

export interface LoggedRequest {
  method: string;
  path: string; // decoded pathname, no query
  query: Record<string, string>;
  token: string | null; // Bearer token or ?accessToken= value, null if none
  body: unknown; // parsed JSON body or null; password fields replaced by "***"
  at: number; // on the injected clock, ms
}

export interface TokenRow {
  token: string;
  username: string;
  revoked: boolean;
  expiresAt: number; // ms
}

export interface StandInOptions {
  port?: number;
  host?: string;
  tokenLifetimeSeconds?: number;
  now?: () => number;
  users?: SeedUser[];
  jwtKeyBase64?: string;
  lockAfter?: number;
  lockMinutes?: number;
}

export interface StandInServer {
  url: string;
  port: number;
  requests: LoggedRequest[];
  clearRequests(): void;
  setFault(fault: Fault | null, onlyPaths?: string[]): void;
  /**
   * The server does the work at once and its answer leaves `ms` later, as over a slow network
   * (unlike the latency fault, which waits before the work). null: answers at once again.
   */
  setResponseDelay(ms: number | null, onlyPaths?: string[]): void;
  setTokenLifetime(seconds: number): void;
  tokens(): TokenRow[];
  revoke(token: string): void;
  mint(username: string, opts?: { lifetimeSeconds?: number }): string;
  signWithoutRow(username: string, opts?: { iat?: number; exp?: number }): string;
  setUserEnabled(username: string, enabled: boolean): void;
  /** Sets what waits for a user (unset fields keep their value; at first nothing waits). */
  setWaiting(username: string, work: Partial<WaitingWork>): void;
  /** Makes the work endpoints answer as a current server, an older one without them, or refuse. */
  setWorkSupport(support: WorkSupport): void;
  deleteUser(username: string): void;
  /** Bytes of the last `huge` body written before the client stopped reading (or all of it). */
  hugeBytesSent(): number;
  close(): Promise<void>;
}

// FLUTTER and every other non-web channel get a fixed 365 days.
const DEFAULT_LIFETIME_SECONDS = 365 * 24 * 60 * 60;

const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const CAPTIVE_PORTAL =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to the network</title></head>' +
  '<body><h1>Welcome!</h1><p>Accept the terms to continue browsing.</p></body></html>';

function faultReply(fault: Fault, path: string, now: number): Reply | null {
  switch (fault.kind) {
    case 'status500':
      return springError(500, 'Internal Server Error', path, now);
    case 'html-error':
      // A proxy's own error page carries none of the application's CORS headers.
      return { status: 502, contentType: 'text/html', body: NGINX_502, cors: false };
    case 'html-ok':
      return { status: 200, contentType: 'text/html; charset=utf-8', body: CAPTIVE_PORTAL, cors: false };
    case 'malformed-json':
      return { status: 200, contentType: 'application/json', body: '{"code":200,"mess' };
    default:
      return null;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** null when there is no body, undefined when it is not JSON. */
function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function maskPassword(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('password' in body)) return body;
  return { ...body, password: '***' };
}

function bearerOf(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice('Bearer '.length).trim() || null;
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

// Spring's CorsConfiguration with allowedOrigins/methods/headers "*" and no credentials.
function corsHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': '*' };
  if (req.method === 'OPTIONS') {
    const method = req.headers['access-control-request-method'];
    const requested = req.headers['access-control-request-headers'];
    headers['Access-Control-Allow-Methods'] = typeof method === 'string' ? method : 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS';
    if (typeof requested === 'string') headers['Access-Control-Allow-Headers'] = requested;
    headers['Access-Control-Max-Age'] = '1800';
  }
  return headers;
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    ...(reply.contentType ? { 'Content-Type': reply.contentType } : {}),
    'Content-Length': String(Buffer.byteLength(reply.body)),
    ...(reply.cors === false ? {} : corsHeaders(req)),
  };
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : reply.body);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Writes a JSON-looking body of `bytes` bytes as the client takes it; resolves the bytes written. */
async function sendHuge(req: IncomingMessage, res: ServerResponse, fault: Extract<Fault, { kind: 'huge' }>): Promise<number> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...corsHeaders(req) };
  if (fault.declared) headers['Content-Length'] = String(fault.bytes);
  res.writeHead(200, headers);
  const chunk = Buffer.alloc(64 * 1024, 0x20); // spaces: still valid JSON padding
  let sent = 0;
  while (sent < fault.bytes && !res.destroyed) {
    const part = chunk.subarray(0, Math.min(chunk.length, fault.bytes - sent));
    sent += part.length;
    if (!res.write(part)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done).off('close', done);
          resolve();
        };
        res.on('drain', done).on('close', done);
      });
    }
  }
  res.end();
  return sent;
}

export async function startStandInServer(options: StandInOptions = {}): Promise<StandInServer> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const store = new Store(
    {
      now,
      jwtKeyBase64: options.jwtKeyBase64 ?? DEFAULT_JWT_KEY_BASE64,
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS,
      lockAfter: options.lockAfter ?? 3,
      lockMinutes: options.lockMinutes ?? 10,
    },
    options.users ?? DEMO_USERS,
  );
  const requests: LoggedRequest[] = [];
  let fault: Fault | null = null;
  let faultPaths: string[] | null = null;
  let delay: { ms: number; paths: string[] | null } | null = null;
  let hugeSent = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = decodePath(url.pathname);
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? 'GET';
    const body = parseJson(await readBody(req));
    const bearer = bearerOf(req);
    requests.push({ method, path, query, token: bearer ?? query.accessToken ?? null, body: maskPassword(body) ?? null, at: now() });

    const active = fault && (!faultPaths || faultPaths.includes(path)) ? fault : null;
    if (active?.kind === 'reset' || active?.kind === 'refuse') {
      req.socket.destroy();
      return;
    }
    if (active?.kind === 'latency') {
      await sleep(active.ms);
      if (res.destroyed) return;
    }
    if (active?.kind === 'huge' && method !== 'OPTIONS') {
      hugeSent = 0;
      hugeSent = await sendHuge(req, res, active);
      return;
    }
    const faulted = active && faultReply(active, path, now());
    if (faulted) return send(req, res, faulted);
    if (method === 'OPTIONS') return send(req, res, { status: 200, contentType: '', body: '' });
    const reply = route({ method, path, bearer, body, query, store });
    if (delay && method !== 'OPTIONS' && (!delay.paths || delay.paths.includes(path))) {
      await sleep(delay.ms);
      if (res.destroyed) return;
    }
    send(req, res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('stand-in server: handler failed', error);
      const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
      if (!res.headersSent) send(req, res, springError(500, 'Internal Server Error', path, now()));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('stand-in server: no TCP address');
  const port = address.port;
  let listening = true;
  server.on('error', (error) => console.error('stand-in server:', error));

  // 'refuse': close the listening socket (and kept-alive connections, or clients would reuse
  // them) so connections are refused, then listen again on the same port when it is cleared.
  function setListening(on: boolean): void {
    if (on === listening) return;
    listening = on;
    if (on) server.listen(port, host);
    else {
      server.close();
      server.closeAllConnections();
    }
  }

  const userOrThrow = (username: string) => {
    const user = store.users.get(username);
    if (!user) throw new Error(`stand-in server: no user ${username}`);
    return user;
  };

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    requests,
    clearRequests: () => void requests.splice(0),
    setFault(next, onlyPaths) {
      fault = next;
      faultPaths = onlyPaths ?? null;
      setListening(next?.kind !== 'refuse');
    },
    setResponseDelay(ms, onlyPaths) {
      delay = ms === null ? null : { ms, paths: onlyPaths ?? null };
    },
    setTokenLifetime(seconds) {
      store.config.tokenLifetimeSeconds = seconds;
    },
    tokens: () => [...store.tokens.values()].map((row) => ({ ...row })),
    revoke(token) {
      const row = store.tokens.get(token);
      if (row) row.revoked = true;
    },
    mint: (username, opts) => store.mint(username, opts?.lifetimeSeconds),
    signWithoutRow(username, opts = {}) {
      const iat = opts.iat ?? Math.floor(now() / 1000);
      return store.sign(username, iat, opts.exp ?? iat + store.config.tokenLifetimeSeconds);
    },
    setUserEnabled(username, enabled) {
      userOrThrow(username).enabled = enabled;
    },
    setWaiting(username, work) {
      userOrThrow(username);
      store.waiting.set(username, { ...store.waitingFor(username), ...work });
    },
    setWorkSupport(support) {
      store.workSupport = support;
    },
    deleteUser(username) {
      store.users.delete(username);
    },
    hugeBytesSent: () => hugeSent,
    close() {
      fault = null;
      delay = null;
      if (!listening) return Promise.resolve();
      listening = false;
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
