// Run the stand-in Bytedesk server on its own: node test/server/cli.ts [--port 9003] [--host 127.0.0.1] [--token-lifetime <s>] [--unreplied <n>]
import { DEMO_USERS, startStandInServer } from './bytedesk-server.ts';
import { readFlags, serverBanner, YEAR_S } from './cli-support.ts';

const HELP = `Stand-in Bytedesk server (REST API + agent/admin landing pages)

Usage: node test/server/cli.ts [options]

  --port <n>             port to listen on (default 9003, 0 = any free port)
  --host <addr>          address to bind (default 127.0.0.1)
  --token-lifetime <s>   lifetime in seconds of tokens minted by login and exchange (default 365 days)
  --unreplied <n>        conversations waiting for each agent's reply (default 0)
  -h, --help             show this help
`;

const flags = readFlags(HELP, {
  port: '9003',
  host: '127.0.0.1',
  'token-lifetime': String(YEAR_S),
  unreplied: '0',
});

const lifetime = flags.wholeNumber('token-lifetime', 1);
const server = await startStandInServer({
  port: flags.wholeNumber('port', 0),
  host: flags.text('host'),
  tokenLifetimeSeconds: lifetime,
});
const unreplied = flags.wholeNumber('unreplied', 0);
for (const user of DEMO_USERS) if (!user.superUser) server.setWaiting(user.username, { unreplied });

process.stdout.write(`${serverBanner(server, lifetime)}\nPress Ctrl-C to stop.\n`);

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
