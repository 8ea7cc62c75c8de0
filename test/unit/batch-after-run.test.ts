// After a batch of pasted users is sent: the wording's plural form, what stays in the box and
// where each line left now is, the lines the server refused, and how the run is counted.
import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../lib/server/errors';
import { parseBatch } from '../../lib/users/batch';
import { countOutcomes, isRefusal, linesLeft, refusedLines, type RowOutcome } from '../../lib/users/batch-run';
import { pluralForm } from '../../lib/users/plural';

describe('plural form of a count', () => {
  it.each([
    [1, 'en', 'one'], // "Create 1 user"
    [0, 'en', 'other'], // "Create 0 users"
    [2, 'en', 'other'],
    [21, 'en-GB', 'other'],
    [1, 'zh-CN', 'other'], // "创建 1 个用户": one form for every count
    [3, 'zh-CN', 'other'],
    [1, 'zh', 'other'],
    [1, 'not a language tag!', 'one'], // unknown to Intl: English's rule
    [2, 'not a language tag!', 'other'],
  ] as const)('%i in %s: %s', (count, locale, form) => {
    expect(pluralForm(count, locale)).toBe(form);
  });
});

describe('the box after a run: lines left, numbered as the box now shows them', () => {
  const HEADER = 'email,nickname,password';
  it.each([
    {
      name: 'header kept, created lines gone, the rest renumbered',
      text: [HEADER, 'a@x.cn,A,secret1', 'bad', 'b@x.cn,B,secret2', 'c@x.cn,C,secret3'].join('\n'),
      created: [2, 4],
      left: [HEADER, 'bad', 'c@x.cn,C,secret3'].join('\n'),
      lineNow: [[3, 2], [5, 3]],
    },
    {
      name: 'blank lines and comments are not kept, and count for nothing after',
      text: '# agents\na@x.cn,A,secret1\n\nb@x.cn,B,secret2\n\nc@x.cn,C,secret3',
      created: [2],
      left: 'b@x.cn,B,secret2\nc@x.cn,C,secret3',
      lineNow: [[4, 1], [6, 2]],
    },
    {
      name: 'nothing created: the lines stay, in order',
      text: 'a@x.cn,A,secret1\nb@x.cn,B,secret2',
      created: [],
      left: 'a@x.cn,A,secret1\nb@x.cn,B,secret2',
      lineNow: [[1, 1], [2, 2]],
    },
    {
      name: 'all created: an empty box, without the header',
      text: `${HEADER}\na@x.cn,A,secret1`,
      created: [2],
      left: '',
      lineNow: [],
    },
  ])('$name', ({ text, created, left, lineNow }) => {
    const after = linesLeft(parseBatch(text), new Set(created));
    expect(after.text).toBe(left);
    expect([...after.lineNow]).toEqual(lineNow);
    // Each number names the same line in the new text.
    const rows = parseBatch(text).rows;
    for (const [then, now] of after.lineNow) {
      expect(after.text.split('\n')[now - 1]).toBe(rows.find((r) => r.line === then)!.text);
    }
  });
});

describe('a line the server refused', () => {
  it.each<[ErrorKind, boolean]>([
    ['already-exists', true],
    ['invalid-input', true],
    ['rejected', true],
    ['unreachable', false],
    ['token-rejected', false],
    ['forbidden', false],
    ['server-error', false],
  ])('%s is a refusal of the line itself: %s', (kind, refusal) => {
    expect(isRefusal(kind)).toBe(refusal);
  });

  const text = 'a@x.cn, A, secret1\nb@x.cn, B, secret2\nc@x.cn, C, secret3';
  const rows = parseBatch(text).rows;
  const results: { row: (typeof rows)[number]; outcome: RowOutcome }[] = [
    { row: rows[0]!, outcome: { state: 'created', username: 'a@x.cn' } },
    { row: rows[1]!, outcome: { state: 'failed', kind: 'already-exists' } },
    { row: rows[2]!, outcome: { state: 'failed', kind: 'unreachable' } },
  ];

  it('is remembered by its text; a failure of the server is not (that line may be sent again)', () => {
    expect([...refusedLines(results)]).toEqual([['b@x.cn, B, secret2', 'already-exists']]);
  });

  it.each([
    ['as it stands: a problem, not sent again', '  b@x.cn, B, secret2  ', null, 'already-exists'],
    ['once edited: ready again', 'b2@x.cn, B, secret2', 'b2@x.cn', undefined],
    ['a line with a problem of its own keeps that problem', 'b@x.cn, B, 123', null, undefined],
  ])('%s', (_, line, username, refusedAs) => {
    const [row] = parseBatch(line, refusedLines(results)).rows;
    expect(row!.user?.username ?? null).toBe(username);
    expect(row!.refusedAs).toBe(refusedAs);
  });
});

describe('a run, counted', () => {
  const created: RowOutcome = { state: 'created', username: 'a' };
  const exists: RowOutcome = { state: 'failed', kind: 'already-exists' };
  const gone: RowOutcome = { state: 'failed', kind: 'unreachable' };
  const notSent: RowOutcome = { state: 'not-tried' };
  it.each([
    [[created, created, exists], { created: 2, refused: 1, failed: 0, notSent: 0 }],
    [[created, gone, notSent, notSent], { created: 1, refused: 0, failed: 1, notSent: 2 }],
    [[exists, exists], { created: 0, refused: 2, failed: 0, notSent: 0 }],
    [[], { created: 0, refused: 0, failed: 0, notSent: 0 }],
  ])('%j → %j', (outcomes, counts) => {
    expect(countOutcomes(outcomes)).toEqual(counts);
  });
});
