// Run the stand-in Bytedesk server on its own: node test/server/cli.ts [--port 9003] [--host 127.0.0.1] [--token-lifetime <s>]
import { parseArgs } from 'node:util';
import { DEMO_USERS, startStandInServer } from './bytedesk-server.ts';

const HELP = `Stand-in Bytedesk server (REST API + agent/admin landing pages)

Usage: node test/server/cli.ts [options]

  --port <n>             port to listen on (default 9003, 0 = any free port)
  --host <addr>          address to bind (default 127.0.0.1)
  --token-lifetime <s>   lifetime in seconds of tokens minted by login and exchange (default 365 days)
  -h, --help             show this help
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}`);
  process.exit(2);
}

function integer(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    fail(`--${name} must be a whole number >= ${min}, got "${text}"`);
  }
  return value;
}

function parseFlags() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '9003' },
        host: { type: 'string', default: '127.0.0.1' },
        'token-lifetime': { type: 'string', default: String(365 * 24 * 60 * 60) },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const parsed = parseFlags();
if (parsed.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const lifetime = integer('token-lifetime', parsed['token-lifetime'], 1);
const server = await startStandInServer({
  port: integer('port', parsed.port, 0),
  host: parsed.host,
  tokenLifetimeSeconds: lifetime,
});

const accounts = DEMO_USERS.map((user) => {
  const notes = [user.nickname, user.superUser ? 'super administrator' : '', user.enabled === false ? 'disabled' : '']
    .filter(Boolean)
    .join(', ');
  return `  ${user.username.padEnd(20)} ${user.password.padEnd(8)} ${notes}`;
});

// Tokens are never printed: only addresses and the demo accounts.
process.stdout.write(
  [
    `Bytedesk stand-in listening on ${server.url}`,
    `  agent workbench: ${server.url}/agent/auth/login`,
    `  admin console:   ${server.url}/admin/auth/login`,
    `  token lifetime:  ${lifetime} s`,
    'Demo accounts (password login needs channel "FLUTTER"; 3 wrong passwords lock an account for 10 minutes):',
    ...accounts,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: closing…\n`);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
