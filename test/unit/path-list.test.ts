import { describe, expect, it } from 'vitest';
import { pathChoices } from '../../lib/workspace/path-list';
import { cleanPath, withRecentPath } from '../../lib/workspace/recent-paths';

const paths = (list: { path: string; kind: string }[]) => list.map((c) => `${c.kind}:${c.path}`);

describe('pathChoices', () => {
  it.each([
    ['agent', '', ['login:auth/login', 'preset:chat', 'preset:ticket', 'recent:queue/42']],
    ['admin', '', ['login:auth/login', 'preset:welcome', 'preset:dashboard', 'recent:queue/42']],
    ['agent', 'TICK', ['preset:ticket', 'custom:TICK']],
    ['agent', 'ticket', ['preset:ticket']],
    ['agent', '/ticket', ['preset:ticket']],
    ['agent', 'login', ['login:auth/login', 'custom:login']],
    ['agent', 'settings/profile', ['custom:settings/profile']],
    ['agent', '任意路径', ['custom:任意路径']],
    ['agent', 'q', ['recent:queue/42', 'custom:q']],
  ] as const)('%s, filter %j', (workspace, filter, expected) => {
    expect(paths(pathChoices(workspace, ['queue/42'], filter))).toEqual(expected);
  });
});

describe('recent paths', () => {
  it.each([
    ['/任意路径', '任意路径'],
    ['ticket?id=7&accessToken=secret#top', 'ticket?id=7#top'],
    ['x?accessToken=secret', 'x'],
    ['  //a/b  ', 'a/b'],
  ])('cleans %j to %j', (input, expected) => {
    expect(cleanPath(input)).toBe(expected);
  });

  it('puts the newest first, without duplicates or presets, five at most', () => {
    let recent: string[] = [];
    for (const path of ['a', 'b', 'ticket', 'c', 'a', 'd', 'e', 'f']) recent = withRecentPath(recent, 'agent', path);
    expect(recent).toEqual(['f', 'e', 'd', 'a', 'c']);
  });
});
