// How a run of new users is kept: line by line (an answer writes its own line), refused when too
// large before it starts, a worker gone mid-request leaves the line "unknown" (checked on resume),
// and junk in storage is dropped and said once.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredItem } from '../../lib/browser/stored-item';
import type { StoredRecord } from '../../lib/browser/stored-record';
import type { NewUser } from '../../lib/server/contract';
import { LaunchpadError } from '../../lib/server/errors';
import { batchItems } from '../../lib/storage';
import { parseBatch } from '../../lib/users/batch';
import { outcomesOf, planRun, type BatchProgress } from '../../lib/users/batch-progress';
import { countOutcomes } from '../../lib/users/batch-run';
import { LIST_LIMIT, listBytes, tooLarge } from '../../lib/users/list-limit';
import { runPaced } from '../../lib/users/paced-run';
import { runList } from '../../lib/users/resumable-run';
import { interruptedRun, loadRun } from '../../lib/users/stored-run';
import { brokeText, tooLargeText } from '../../components/users/batch-words';

const HERE = { profileId: 'prod', serverUrl: 'https://desk' };
const listOf = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@x.cn, User ${i}, secret${i}`).join('\n');

/** A record in memory that counts the bytes of each write. */
function fakeRecord(fail?: () => boolean) {
  const values = new Map<string, unknown>();
  const writes: number[] = [];
  const record: StoredRecord = {
    getHead: async () => values.get('head'),
    getParts: async (count) => Array.from({ length: count }, (_, i) => values.get(`part/${i}`)),
    async set(head, parts) {
      if (fail?.()) throw new Error('QUOTA_BYTES quota exceeded');
      writes.push(JSON.stringify([head, [...parts]]).length);
      values.set('head', head);
      parts.forEach((v, i) => values.set(`part/${i}`, v));
    },
    removeParts: async (from, to) => {
      for (let i = from; i < to; i++) values.delete(`part/${i}`);
    },
    remove: async () => values.clear(),
  };
  return { record, writes, values };
}
function fakeList(): StoredItem<string | null> {
  let value: string | null = null;
  return { key: 'session:list', getValue: async () => value, setValue: async (v) => void (value = v), removeValue: async () => void (value = null), watch: () => () => {} };
}
const deps = (record: StoredRecord, create: (user: NewUser) => Promise<{ username: string }> = async (u) => ({ username: u.username! })) => ({
  items: { progress: record, list: fakeList() },
  now: () => 0,
  sleep: async () => {},
  create,
});

describe('a run of new users in storage', () => {
  it.each([10, 1_000])('Progress is written line by line: in a list of %i, each answer writes the same few hundred bytes', async (n) => {
    const { record, writes } = fakeRecord();
    const ended = await runList(listOf(n), { ...HERE, paceMs: 0 }, deps(record), new AbortController().signal);
    expect(ended.end).toBe('done');
    const perLine = writes.slice(1); // the first writes the whole run, once
    expect(perLine).toHaveLength(2 * n); // "sending", then the answer
    expect(Math.max(...perLine), 'one line and the head, whatever the length').toBeLessThan(400);
  });

  it('a storage write that fails stops the run with an error the page says in words (never left "running")', async () => {
    let writes = 0;
    const { record } = fakeRecord(() => ++writes > 3);
    const run = runList(listOf(5), { ...HERE, paceMs: 0 }, deps(record), new AbortController().signal);
    await expect(run).rejects.toThrow('QUOTA_BYTES');
    expect(brokeText(await run.catch((e: unknown) => e))).toBe(
      'The run stopped: its progress could not be saved (QUOTA_BYTES quota exceeded). Nothing more is sent; Resume to try again, and nobody is created twice.',
    );
  });

  it('the real record writes one line and the head per answer, under their own keys', async () => {
    fakeBrowser.reset();
    const list = listOf(3);
    await runList(list, { ...HERE, paceMs: 0 }, { ...deps(batchItems.progress), items: batchItems }, AbortSignal.abort());
    const stored = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(stored).sort()).toEqual(['batchProgress', 'batchProgress/0', 'batchProgress/1', 'batchProgress/2']);
    expect(stored.batchProgress).toMatchObject({ ...HERE, count: 3 });
    expect((await interruptedRun(batchItems)).progress?.lines).toHaveLength(3);
  });
});

describe('a list too large for one run', () => {
  it.each([
    [listBytes(listOf(10)), 10, null],
    [LIST_LIMIT.bytes, LIST_LIMIT.lines, null],
    [LIST_LIMIT.bytes + 1, 10, 'This list is 1.01 MB: at most 1 MB per run. Split it into several runs; nothing is sent until then.'],
    [500_000, LIST_LIMIT.lines + 1, 'This list has 5,001 lines: at most 5,000 per run. Split it into several runs; nothing is sent until then.'],
  ])('A list over 5,000 lines or 1 MB is refused before it starts (%i bytes, %i lines)', (bytes, lines, words) => {
    expect(tooLargeText(tooLarge(bytes, lines))).toBe(words);
  });
});

describe('the extension stopping mid-request', () => {
  const batch = parseBatch('a@x.cn, A, secret1\nb@x.cn, B, secret2');
  const run = (from: BatchProgress, create: (user: NewUser) => Promise<{ username: string }>) => {
    let saved = from;
    const ended = runPaced(batch.rows, from, { create, save: async (p) => void (saved = p), now: () => 0, sleep: async () => {} }, new AbortController().signal);
    return ended.then((e) => ({ ended: e, saved }));
  };

  it('A worker gone mid-request leaves the line "unknown, checked on resume", not refused; resumed, "already exists" naming it counts as created', async () => {
    const gone = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    const first = await run(planRun(batch, null, HERE, 0), gone);
    expect(first.ended).toEqual({ end: 'stopped', kind: 'no-answer' });
    expect(first.saved.lines.map((l) => l.state)).toEqual(['sending', 'pending']);
    expect(outcomesOf(first.saved).get(1)).toEqual({ state: 'unknown' });
    expect(countOutcomes([...outcomesOf(first.saved).values()]).refused, 'not counted as refused').toBe(0);

    const exists = (user: NewUser) =>
      user.email === 'a@x.cn'
        ? Promise.reject(new LaunchpadError('already-exists', { serverMessage: 'Email a@x.cn already exists..!!' }))
        : Promise.resolve({ username: user.username! });
    const resumed = await run(first.saved, exists);
    expect(resumed.ended).toEqual({ end: 'done' });
    expect(resumed.saved.lines.map((l) => [l.state, l.existed])).toEqual([['created', true], ['created', undefined]]);
  });
});

describe('junk in the stored run', () => {
  const good = planRun(parseBatch('a@x.cn, A, secret1\nb@x.cn, B, secret2'), null, HERE, 1_000);
  const stored = (head: unknown, parts: unknown[]) => {
    const fake = fakeRecord();
    fake.values.set('head', head);
    parts.forEach((p, i) => fake.values.set(`part/${i}`, p));
    return fake;
  };
  const head = { ...HERE, paceMs: 1_000, lastAnswerAt: null, count: 2 };

  it.each([
    ['a head of the wrong shape', stored('garbage', good.lines), null],
    ['a head of an array', stored([1, 2], []), null],
    ['a head with no server', stored({ ...head, serverUrl: 7 }, good.lines), null],
    ['a head counting a billion lines', stored({ ...head, count: 1e9 }, good.lines), null],
    ['a line of the wrong shape', stored(head, [good.lines[0], { line: 'x' }]), 1],
    ['a line missing', stored(head, [good.lines[0]]), 1],
  ])('A damaged run record is removed and said once: %s', async (_, fake, linesKept) => {
    const first = await loadRun(fake.record);
    expect(first.damaged).toBe(true);
    expect(first.progress?.lines.length ?? null).toBe(linesKept);
    const again = await loadRun(fake.record);
    expect(again.damaged, 'repaired: said once').toBe(false);
    expect(again.progress?.lines.length ?? null).toBe(linesKept);
  });

  it('a record of the version before lines were kept apart is read, and belongs to the profile of its server', async () => {
    const { profileId: _, ...legacy } = { ...good, lines: good.lines.map((l, i) => (i === 0 ? { ...l, state: 'created' } : l)) };
    const fake = stored(legacy, []);
    const run = await loadRun(fake.record, (url) => (url === 'https://desk' ? 'prod' : null));
    expect(run.damaged).toBe(false);
    expect(run.progress).toMatchObject({ profileId: 'prod', serverUrl: 'https://desk', lines: [{ state: 'created' }, { state: 'pending' }] });
    expect(fake.values.get('head')).toMatchObject({ count: 2 });
  });
});
