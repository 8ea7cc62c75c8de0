import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipSelection, readActions, type Action } from '../../lib/actions/action';
import { fillTemplate } from '../../lib/actions/fill-template';
import { actionProblems } from '../../lib/actions/validate-action';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings/settings';
import { workspaceRoot, workspaceUrl } from '../../lib/workspace/workspace-url';
import { DEV_PROFILE, PROFILE } from '../support/profiles';

const ORDER: Action = { id: 'a1', name: 'Order', workspace: 'agent', template: 'ticket?search={selection}' };

describe('fillTemplate', () => {
  it.each([
    ['ticket?search={selection}', 'ORDER-1234', 'ticket?search=ORDER-1234'],
    ['ticket?search={selection}', '  ORDER-1234\n', 'ticket?search=ORDER-1234'], // trimmed
    ['customer?email={selection}', 'a+b@example.com', 'customer?email=a%2Bb%40example.com'],
    ['ticket?search={selection}', 'a&b=c#d', 'ticket?search=a%26b%3Dc%23d'], // no new parameter, no hash
    ['ticket/{selection}', '../../x', 'ticket/..%2F..%2Fx'], // a slash stays text
    ['ticket?q={selection}&again={selection}', '订单 7', 'ticket?q=%E8%AE%A2%E5%8D%95%207&again=%E8%AE%A2%E5%8D%95%207'],
    ['search#{selection}', 'x', 'search#x'],
  ])('%s with %j opens %s', (template, selection, path) => {
    expect(fillTemplate(template, selection)).toBe(path);
  });

  it('cuts the selection to 200 characters (whole characters), then encodes it', () => {
    const long = '😀'.repeat(250);
    expect(decodeURIComponent(fillTemplate('t?q={selection}', long).slice('t?q='.length))).toBe('😀'.repeat(200));
  });

  it.each([
    ['//evil.example/{selection}', 'x'],
    ['https://x/{selection}', 'x'],
    ['javascript:alert({selection})', 'x'],
    ['../../{selection}', 'x'],
    ['../admin/{selection}', 'x'], // the other workspace is not this one
    ['\\\\evil.example\\{selection}', 'x'],
    ['{selection}', '..'], // a dot segment cannot be encoded away
    ['ticket/{selection}/..', '.'],
  ])('refuses %s with %j: it would leave the workspace', (template, selection) => {
    expect(() => fillTemplate(template, selection)).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
  });

  it('any selection stays under the workspace root and reads back as the trimmed, clipped text', () => {
    const templates = ['ticket?search={selection}', 'customer/{selection}', 'x/{selection}/y?z={selection}#{selection}'];
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...templates), fc.constantFrom(PROFILE, DEV_PROFILE), fc.constantFrom('agent', 'admin'), (selection, template, profile, workspace) => {
        const wanted = clipSelection(selection);
        let path: string;
        try {
          path = fillTemplate(template, selection, workspace);
        } catch {
          // Only a dot segment in the path is refused.
          expect(['.', '..']).toContain(wanted);
          return;
        }
        const url = workspaceUrl(profile, workspace, path);
        expect(url.href.startsWith(workspaceRoot(profile, workspace).href)).toBe(true);
        expect([...wanted].length).toBeLessThanOrEqual(200);
        const placed = template.startsWith('ticket') ? url.searchParams.get('search') : decodeURIComponent(url.pathname.split('/')[3]!);
        expect(placed).toBe(wanted);
      }),
      { numRuns: 500 },
    );
  }, 30_000); // 500 random selections: slow on a loaded machine, never wrong
});

describe('saving an action', () => {
  const others: Action[] = [ORDER];
  it.each([
    [{ name: 'Customer', workspace: 'agent', template: 'customer?email={selection}' }, []],
    [{ name: '  ', workspace: 'agent', template: 'x?q={selection}' }, [{ field: 'name', reason: 'name-required' }]],
    [{ name: 'ORDER', workspace: 'admin', template: 'x?q={selection}' }, [{ field: 'name', reason: 'name-taken' }]],
    [{ name: 'Tickets', workspace: 'agent', template: 'ticket' }, [{ field: 'template', reason: 'no-selection' }]],
    [{ name: 'Evil', workspace: 'agent', template: '//evil.example/{selection}' }, [{ field: 'template', reason: 'leaves-workspace' }]],
    [{ name: 'Evil', workspace: 'agent', template: 'https://x/{selection}' }, [{ field: 'template', reason: 'leaves-workspace' }]],
    [{ name: 'Evil', workspace: 'admin', template: '../../{selection}' }, [{ field: 'template', reason: 'leaves-workspace' }]],
  ] as const)('%o: %o', (action, problems) => {
    expect(actionProblems(action, others)).toEqual(problems);
  });

  it('keeps its own name when edited (the others are the rest)', () => {
    expect(actionProblems({ ...ORDER, template: 'order/{selection}' }, [])).toEqual([]);
  });
});

describe('stored actions', () => {
  const stored = { ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id };

  it('are read with the settings; missing ones are none', () => {
    expect(parseSettings({ ...stored, actions: [ORDER] }).actions).toEqual([ORDER]);
    expect(parseSettings({ ...stored, actions: undefined }).actions).toEqual([]);
    expect(parseSettings({ ...stored, actions: 'x' })).toMatchObject({ actions: [], profiles: [PROFILE] });
  });

  it('drops unreadable entries and a repeated name, keeping the rest and the other settings', () => {
    const raw = [ORDER, null, { ...ORDER, id: 'a2', name: 'order' }, { ...ORDER, id: 'a3', workspace: 'nowhere' }, { id: 'a4', name: 'No template', workspace: 'agent' }, { ...ORDER, id: 'a5', name: 'Mail' }];
    expect(readActions(raw).map((a) => a.id)).toEqual(['a1', 'a5']);
    expect(parseSettings({ ...stored, actions: raw }).profiles).toEqual([PROFILE]);
  });
});
