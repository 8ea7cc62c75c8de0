import { describe, expect, it } from 'vitest';
import { tabPatternUnder, tabUnder } from '../../lib/browser/tabs';

// "Reuse an open tab": Firefox match patterns take no port, so the query asks for the host on any
// port and the tabs are sorted by address here.
describe('tabPatternUnder', () => {
  it.each([
    ['http://127.0.0.1:9003/agent/', 'http://127.0.0.1/agent/*'],
    ['http://localhost:9005/admin/', 'http://localhost/admin/*'],
    ['https://desk.example.com/agent/', 'https://desk.example.com/agent/*'],
    ['https://desk.example.com:8443/bytedesk/admin/', 'https://desk.example.com/bytedesk/admin/*'],
  ])('%s -> %s', (root, pattern) => {
    expect(tabPatternUnder(root)).toBe(pattern);
  });
});

describe('tabUnder', () => {
  const ROOT = 'http://127.0.0.1:9003/agent/';

  it.each([
    ['the workspace page on the same port', 'http://127.0.0.1:9003/agent/ticket?accessToken=T', true],
    ['the workspace root itself', 'http://127.0.0.1:9003/agent/', true],
    ['another port on the same host', 'http://127.0.0.1:9004/agent/ticket', false],
    ['a port that starts with the same digits', 'http://127.0.0.1:90031/agent/ticket', false],
    ['the default port', 'http://127.0.0.1/agent/ticket', false],
    ['the other workspace', 'http://127.0.0.1:9003/admin/dashboard', false],
    ['a look-alike path', 'http://127.0.0.1:9003/agents/list', false],
    ['https on the same port', 'https://127.0.0.1:9003/agent/ticket', false],
    ['a tab whose address it may not read', undefined, false],
  ])('%s: %s -> %s', (_case, url, reused) => {
    expect(tabUnder([{ id: 1, url }], ROOT)?.id).toBe(reused ? 1 : undefined);
  });

  it('takes the first tab under the root, skipping the ones that are not', () => {
    const tabs = [
      { id: 1, url: 'http://127.0.0.1:9004/agent/ticket' },
      { id: 2, url: 'http://127.0.0.1:9003/agent/chat' },
      { id: 3, url: 'http://127.0.0.1:9003/agent/ticket' },
    ];
    expect(tabUnder(tabs, ROOT)?.id).toBe(2);
  });
});
