import { describe, expect, it } from 'vitest';
import { lineLink, parseLinkBase } from './source-links.js';

describe('parseLinkBase', () => {
  it('takes an http(s) address and drops its trailing slashes', () => {
    expect(parseLinkBase('https://github.com/acme/plans/blob/abc123/')).toBe('https://github.com/acme/plans/blob/abc123');
    expect(parseLinkBase(' http://ghe.example.com/a/b/blob/main ')).toBe('http://ghe.example.com/a/b/blob/main');
  });

  it('refuses other schemes, credentials, a query, a fragment and what is no address', () => {
    for (const text of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://x-access-token:secret@github.com/a/b/blob/1',
      'https://github.com/a/b/blob/1?x=1',
      'https://github.com/a/b/blob/1#L3',
      'github.com/a/b',
      '',
    ]) {
      expect(parseLinkBase(text), text).toBeUndefined();
    }
  });

  it('encodes parentheses and quotes, which could end a markdown link', () => {
    expect(parseLinkBase("https://example.com/a(b)/c'd")).toBe('https://example.com/a%28b%29/c%27d');
  });
});

describe('lineLink', () => {
  it('is LINK_BASE/PATH#Lline', () => {
    expect(lineLink('https://github.com/acme/plans/blob/abc', 'plans/rollout.crmplan.yaml', 395)).toBe(
      'https://github.com/acme/plans/blob/abc/plans/rollout.crmplan.yaml#L395',
    );
  });

  it('percent-encodes every path segment, so that no file name ends the link or adds a fragment', () => {
    expect(lineLink('https://h/b', './my plans/(draft) #1 [x]\u00e9.crmplan.yaml', 2)).toBe(
      'https://h/b/my%20plans/%28draft%29%20%231%20%5Bx%5D%C3%A9.crmplan.yaml#L2',
    );
  });
});
