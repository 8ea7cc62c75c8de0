// "Work waiting for an agent" (newer servers): unreplied conversations, queued visitors, tickets.
// Each handler runs behind the token check; `store.workSupport` makes them answer as an older
// server would (no such endpoint, in either shape) or refuse (no authority).
import { denied, fail, ok, type AuthedHandler, type Call, type Reply } from './routes.ts';
import { DEFAULT_ORG_UID, type Store, type UserRecord, type WaitingWork } from './store.ts';

// Spring Boot's fallback page for a path nothing maps, on servers older than JsonResult 404s.
const WHITELABEL_404 = (path: string, now: number) =>
  '<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are ' +
  `seeing this as a fallback.</p><div id='created'>${new Date(now).toString()}</div>` +
  `<div>There was an unexpected error (type=Not Found, status=404).</div><div>No static resource ${path.slice(1)}.</div></body></html>`;

/** Agent and member uids differ from the user uid on the real server: the stand-in derives them. */
const agentUidOf = (user: UserRecord) => `agent-${user.uid}`;
const memberUidOf = (user: UserRecord) => `member-${user.uid}`;

function unsupported(call: Call): Reply | null {
  const { store, path } = call;
  switch (store.workSupport) {
    case 'missing-json':
      return fail(404, `No static resource ${path.slice(1)}.`);
    case 'missing-page':
      return { status: 404, contentType: 'text/html;charset=UTF-8', body: WHITELABEL_404(path, store.config.now()) };
    case 'forbidden':
      return denied(403, 'i18n.authorization.denied');
    default:
      return null;
  }
}

const whenSupported =
  (handler: AuthedHandler): AuthedHandler =>
  (call, user) =>
    unsupported(call) ?? handler(call, user);

const whole = (text: string | undefined, fallback: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

/** Spring Data's default JSON of a Page; `content` holds stand-in items up to the page size. */
function page(call: Call, total: number, item: (index: number) => unknown): Record<string, unknown> {
  const number = whole(call.query.pageNumber, 0);
  const size = whole(call.query.pageSize, 10) || 10;
  const count = Math.max(0, Math.min(size, total - number * size));
  const content = Array.from({ length: count }, (_, i) => item(number * size + i));
  const sort = { empty: true, sorted: false, unsorted: true };
  const totalPages = Math.ceil(total / size);
  return {
    content,
    pageable: { pageNumber: number, pageSize: size, sort, offset: number * size, paged: true, unpaged: false },
    totalElements: total,
    totalPages,
    last: number >= totalPages - 1,
    size,
    number,
    sort,
    numberOfElements: count,
    first: number === 0,
    empty: count === 0,
  };
}

const usersOf = (store: Store) => [...store.users.values()];

// The agent comes from the token: there is no uid parameter. A user who is no agent gets 0.
const unreplied: AuthedHandler = (call, user) => {
  const work = call.store.waitingFor(user.username);
  const total = work.agent ? work.unreplied : 0;
  return ok(page(call, total, (i) => ({ uid: `thread-${user.uid}-${i}`, status: 'CHATTING', unreplied: true })));
};

const agentOfUser: AuthedHandler = ({ query, store }) => {
  const user = usersOf(store).find((u) => u.uid === query.userUid);
  if (!user || !store.waitingFor(user.username).agent) return ok(null);
  return ok({ uid: agentUidOf(user), nickname: user.nickname, member: { uid: memberUidOf(user) }, userUid: user.uid });
};

const queuingCount: AuthedHandler = ({ query, store }) => {
  const user = usersOf(store).find((u) => agentUidOf(u) === query.agentUid);
  const work = user ? store.waitingFor(user.username) : null;
  const direct = work?.directQueuing ?? 0;
  const workgroup = work?.workgroupUnassigned ?? 0;
  return ok({ directQueuingCount: direct, workgroupUnassignedCount: workgroup, totalQueuingCount: direct + workgroup });
};

type TicketStatus = keyof WaitingWork['tickets'];
const STATUSES: TicketStatus[] = ['processing', 'pending', 'review'];

// For the whole organisation, not per assignee.
const ticketCounts: AuthedHandler = ({ query, store }) => {
  if (!query.orgUid) return fail(500, 'organization uid required');
  const all = query.orgUid === DEFAULT_ORG_UID ? usersOf(store).map((u) => store.waitingFor(u.username).tickets) : [];
  return ok(Object.fromEntries(STATUSES.map((s) => [s, all.reduce((sum, t) => sum + t[s], 0)])));
};

// One status per request; the assignee is the member uid.
const ticketsOfOrg: AuthedHandler = (call) => {
  const { query, store } = call;
  if (!query.orgUid) return fail(500, 'organization uid required');
  const status = (query.status ?? '').toLowerCase() as TicketStatus;
  const assignees = usersOf(store).filter((u) => !query.assigneeUid || memberUidOf(u) === query.assigneeUid);
  const total = STATUSES.includes(status) && query.orgUid === DEFAULT_ORG_UID
    ? assignees.reduce((sum, u) => sum + store.waitingFor(u.username).tickets[status], 0)
    : 0;
  return ok(page(call, total, (i) => ({ uid: `ticket-${i}`, status: status.toUpperCase(), assignee: query.assigneeUid ?? null })));
};

/** Route keys to handlers; routes.ts puts the token check in front of each. */
export const WORK_ROUTES: Record<string, AuthedHandler> = {
  'GET /api/v1/queue/query/unreplied': whenSupported(unreplied),
  'GET /api/v1/agent/query/user/uid': whenSupported(agentOfUser),
  'GET /api/v1/queue/agent/queuing/count': whenSupported(queuingCount),
  'GET /api/v1/ticket/count/status': whenSupported(ticketCounts),
  'GET /api/v1/ticket/query/org': whenSupported(ticketsOfOrg),
};
