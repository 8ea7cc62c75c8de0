// The stand-in's state: users, the token table and the wrong-password counters.
import type { SeedUser, TokenRow } from './bytedesk-server.ts';
import { signJwt, subjectFor, usernameFromSubject, verifyJwt } from './jwt.ts';

export const DEFAULT_ORG_UID = 'df_org_uid';

export interface UserRecord {
  uid: string;
  username: string;
  password: string;
  nickname: string;
  email: string | null;
  mobile: string | null;
  country: string | null;
  avatar: string;
  description: string;
  sex: string;
  enabled: boolean;
  superUser: boolean;
  emailVerified: boolean;
  mobileVerified: boolean;
  createdAt: number;
  updatedAt: number;
}

export type NewUser = Pick<UserRecord, 'username' | 'password' | 'nickname'> & Partial<UserRecord>;

export interface StoreConfig {
  now: () => number;
  jwtKeyBase64: string;
  tokenLifetimeSeconds: number;
  lockAfter: number;
  lockMinutes: number;
}

export type TokenCheck =
  | { ok: true; user: UserRecord; token: string }
  | { ok: false; reason: 'invalid' | 'deleted' | 'disabled' };

/** What waits for one agent (see "Work waiting for an agent"); tickets are those assigned to them. */
export interface WaitingWork {
  unreplied: number;
  directQueuing: number;
  workgroupUnassigned: number;
  tickets: { processing: number; pending: number; review: number };
  /** false: the user has no agent record (the agent lookup answers data null). */
  agent: boolean;
}

const NOTHING_WAITING: WaitingWork = {
  unreplied: 0,
  directQueuing: 0,
  workgroupUnassigned: 0,
  tickets: { processing: 0, pending: 0, review: 0 },
  agent: true,
};

/** How the work endpoints answer: as a current server, or as an older one without them, or refusing. */
export type WorkSupport = 'supported' | 'missing-json' | 'missing-page' | 'forbidden';

export type LoginCheck =
  | { ok: true; user: UserRecord }
  | { ok: false; locked: true }
  | { ok: false; locked: false; remaining: number };

export class Store {
  readonly users = new Map<string, UserRecord>();
  // One row per distinct token string: the JWT has no unique id, so two tokens minted for
  // the same user in the same second are the same string and share a row.
  readonly tokens = new Map<string, TokenRow>();
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();
  private uidSeq = 0;
  readonly config: StoreConfig;
  /** Work waiting per username; users not in it have nothing waiting. */
  readonly waiting = new Map<string, WaitingWork>();
  workSupport: WorkSupport = 'supported';

  constructor(config: StoreConfig, seeds: SeedUser[]) {
    this.config = config;
    for (const seed of seeds) {
      this.addUser({
        ...seed,
        email: seed.email ?? null,
        mobile: seed.mobile ?? null,
        superUser: seed.superUser ?? false,
        enabled: seed.enabled ?? true,
        emailVerified: Boolean(seed.email),
        mobileVerified: Boolean(seed.mobile),
      });
    }
  }

  addUser(input: NewUser): UserRecord {
    const at = this.config.now();
    const user: UserRecord = {
      uid: `17${String(++this.uidSeq).padStart(17, '0')}`, // snowflake-sized numeric string
      email: null,
      mobile: null,
      country: null,
      avatar: '',
      description: '',
      sex: 'UNKNOWN',
      enabled: true,
      superUser: false,
      emailVerified: false,
      mobileVerified: false,
      createdAt: at,
      updatedAt: at,
      ...input,
    };
    this.users.set(user.username, user);
    return user;
  }

  waitingFor(username: string): WaitingWork {
    return this.waiting.get(username) ?? NOTHING_WAITING;
  }

  findByEmail(email: string): UserRecord | undefined {
    return [...this.users.values()].find((u) => u.email === email);
  }

  findByMobile(mobile: string): UserRecord | undefined {
    return [...this.users.values()].find((u) => u.mobile === mobile);
  }

  sign(username: string, iat: number, exp: number): string {
    return signJwt({ sub: subjectFor(username), iat, exp }, this.config.jwtKeyBase64);
  }

  mint(username: string, lifetimeSeconds = this.config.tokenLifetimeSeconds): string {
    const iat = Math.floor(this.config.now() / 1000);
    const exp = iat + lifetimeSeconds;
    const token = this.sign(username, iat, exp);
    this.tokens.set(token, { token, username, revoked: false, expiresAt: exp * 1000 });
    return token;
  }

  /** The server's filter: signature, expiry, a live row, then the user behind it. */
  check(token: string | null): TokenCheck {
    if (!token) return { ok: false, reason: 'invalid' };
    const claims = verifyJwt(token, this.config.jwtKeyBase64);
    const now = this.config.now();
    if (!claims || now > claims.exp * 1000) return { ok: false, reason: 'invalid' };
    const row = this.tokens.get(token);
    if (!row || row.revoked || now > row.expiresAt) return { ok: false, reason: 'invalid' };
    const username = usernameFromSubject(claims.sub);
    const user = username === null ? undefined : this.users.get(username);
    if (!user) return { ok: false, reason: 'deleted' };
    if (!user.enabled) return { ok: false, reason: 'disabled' };
    return { ok: true, user, token };
  }

  /** Password check with the lock-out: 3 wrong passwords in a row lock the username for 10 minutes. */
  checkPassword(username: string, password: string): LoginCheck {
    const now = this.config.now();
    const entry = this.failures.get(username) ?? { count: 0, lockedUntil: 0 };
    if (entry.lockedUntil > now) return { ok: false, locked: true };
    if (entry.lockedUntil > 0) {
      entry.count = 0; // the lock has run out: a fresh set of tries
      entry.lockedUntil = 0;
    }
    const user = this.users.get(username);
    // Unknown, disabled and wrong-password are indistinguishable to the caller.
    if (user && user.enabled && user.password === password) {
      this.failures.delete(username);
      return { ok: true, user };
    }
    entry.count += 1;
    this.failures.set(username, entry);
    if (entry.count >= this.config.lockAfter) {
      entry.lockedUntil = now + this.config.lockMinutes * 60_000;
      return { ok: false, locked: true };
    }
    return { ok: false, locked: false, remaining: this.config.lockAfter - entry.count };
  }
}

function formatDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The `user` object of login, exchange, profile and create answers: exactly the contract's fields. */
export function userJson(user: UserRecord): Record<string, unknown> {
  const role = user.superUser ? 'ROLE_SUPER' : 'ROLE_AGENT';
  return {
    uid: user.uid,
    orgUid: DEFAULT_ORG_UID,
    username: user.username,
    nickname: user.nickname,
    email: user.email,
    mobile: user.mobile,
    avatar: user.avatar,
    description: user.description,
    sex: user.sex,
    enabled: user.enabled,
    superUser: user.superUser,
    emailVerified: user.emailVerified,
    mobileVerified: user.mobileVerified,
    platform: 'BYTEDESK',
    currentOrganization: { uid: DEFAULT_ORG_UID, name: 'Bytedesk', code: 'bytedesk', description: '' },
    currentRoles: [{ uid: `role_${role.slice(5).toLowerCase()}_uid`, name: role, description: '' }],
    authorities: [{ authority: role }],
    createdAt: formatDate(user.createdAt),
    updatedAt: formatDate(user.updatedAt),
  };
}
