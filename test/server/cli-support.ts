// What the stand-in server's command line and `npm run demo` share: flags and the banner.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { DEMO_USERS, type StandInServer } from './bytedesk-server.ts';

export const YEAR_S = 365 * 24 * 60 * 60;

/** String flags with defaults, plus -h/--help (prints `help`, exits); a bad flag exits with usage. */
export function readFlags(help: string, defaults: Record<string, string>) {
  const usage = (message: string): never => {
    process.stderr.write(`${message}\n\n${help}`);
    process.exit(2);
  };
  const options: ParseArgsOptionsConfig = { help: { type: 'boolean', short: 'h', default: false } };
  for (const [name, fallback] of Object.entries(defaults)) options[name] = { type: 'string', default: fallback };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ options, strict: true }).values as typeof values;
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(help);
    process.exit(0);
  }
  return {
    text: (name: string): string => String(values[name]),
    wholeNumber(name: string, min: number): number {
      const text = String(values[name]);
      const value = Number(text);
      if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
        usage(`--${name} must be a whole number >= ${min}, got "${text}"`);
      }
      return value;
    },
  };
}

/** Addresses and demo accounts; never a token. */
export function serverBanner(server: StandInServer, lifetimeSeconds: number): string {
  const accounts = DEMO_USERS.map((user) => {
    const notes = [user.nickname, user.superUser ? 'super administrator' : '', user.enabled === false ? 'disabled' : '']
      .filter(Boolean)
      .join(', ');
    return `  ${user.username.padEnd(20)} ${user.password.padEnd(8)} ${notes}`;
  });
  return [
    `Stand-in Bytedesk server: ${server.url}`,
    `  agent workbench: ${server.url}/agent/auth/login`,
    `  admin console:   ${server.url}/admin/auth/login`,
    `  token lifetime:  ${lifetimeSeconds} s`,
    'Demo accounts (password login needs channel "FLUTTER"; 3 wrong passwords lock an account for 10 minutes):',
    ...accounts,
  ].join('\n');
}
