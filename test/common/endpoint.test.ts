import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL_PORT, describeServer, type Endpoint, formatEndpoint, parseEndpoint } from '../../src/common/endpoint.js';
import { EtxError } from '../../src/common/errors.js';

const P = DEFAULT_CONTROL_PORT;

function remote(host: string, path: string, port = P, user?: string): Endpoint {
  return { kind: 'remote', user, host, port, path };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EtxError);
    return (e as EtxError).code;
  }
  return undefined;
}

describe('parseEndpoint: etc form [user@]host[#port]:/abs/path', () => {
  it('default control port is 4004', () => {
    expect(DEFAULT_CONTROL_PORT).toBe(4004);
  });

  it.each<[string, Endpoint]>([
    ['host:/data/x', remote('host', '/data/x')],
    ['h.example.org:/data/x', remote('h.example.org', '/data/x')],
    ['h.example.org.:/x', remote('h.example.org.', '/x')],
    ['10.0.0.1:/x', remote('10.0.0.1', '/x')],
    ['host#5000:/data/x', remote('host', '/data/x', 5000)],
    ['host#4004:/x', remote('host', '/x')],
    ['alice@host:/data/x', remote('host', '/data/x', P, 'alice')],
    ['a.b_c-d@host#65535:/x', remote('host', '/x', 65535, 'a.b_c-d')],
    ['[::1]:/x', remote('::1', '/x')],
    ['[::1]#4005:/x', remote('::1', '/x', 4005)],
    ['bob@[2001:db8::1]#9000:/srv/a', remote('2001:db8::1', '/srv/a', 9000, 'bob')],
    ['[fe80::1%eth0]:/x', remote('fe80::1%eth0', '/x')],
    // Root, trailing slash (a folder), verbatim paths: nothing decoded or normalised.
    ['host:/', remote('host', '/')],
    ['host:/data/dir/', remote('host', '/data/dir/')],
    ['host:/a//b', remote('host', '/a//b')],
    ['host:/a/../b', remote('host', '/a/../b')],
    ['host:/data/%2e%2e/secret', remote('host', '/data/%2e%2e/secret')],
    ['host:/a b/c?d#e', remote('host', '/a b/c?d#e')],
    // Only the first colon that ends the host part splits.
    ['host:/dev/zero:10GiB', remote('host', '/dev/zero:10GiB')],
    ['host:/dev/null', remote('host', '/dev/null')],
    ['host:/a:/b', remote('host', '/a:/b')],
    ['[::1]:/a:b', remote('::1', '/a:b')],
  ])('%j', (text, expected) => {
    expect(parseEndpoint(text)).toEqual(expected);
  });

  it('uses the given default port only when none is written', () => {
    expect(parseEndpoint('host:/x', 7000)).toEqual(remote('host', '/x', 7000));
    expect(parseEndpoint('host#4004:/x', 7000)).toEqual(remote('host', '/x', 4004));
    expect(parseEndpoint('et://host/x', 7000)).toEqual(remote('host', '/x', 7000));
    expect(parseEndpoint('et://host:4004/x', 7000)).toEqual(remote('host', '/x', 4004));
  });
});

describe('parseEndpoint: URI form et://[user@]host[:port]/abs/path', () => {
  it.each<[string, Endpoint]>([
    ['et://host/data/x', remote('host', '/data/x')],
    ['ET://host/x', remote('host', '/x')],
    ['et://host:5000/data/x', remote('host', '/data/x', 5000)],
    ['et://alice@host:5000/x', remote('host', '/x', 5000, 'alice')],
    ['et://[::1]/x', remote('::1', '/x')],
    ['et://[::1]:4004/x', remote('::1', '/x')],
    ['et://carol@[2001:db8::2]:6000/x/', remote('2001:db8::2', '/x/', 6000, 'carol')],
    ['et://[fe80::1%25eth0]/x', remote('fe80::1%eth0', '/x')],
    ['et://host', remote('host', '/')],
    ['et://host/', remote('host', '/')],
    ['et://host:5000', remote('host', '/', 5000)],
    ['et://host/data/dir/', remote('host', '/data/dir/')],
    ['et://host/a//b', remote('host', '/a//b')],
    // Decoded exactly once (THREATS P5).
    ['et://h/data/%2e%2e/secret', remote('h', '/data/../secret')],
    ['et://h/data/%2E%2E/secret', remote('h', '/data/../secret')],
    ['et://h/data/%252e%252e/secret', remote('h', '/data/%2e%2e/secret')],
    ['et://h/a%20b', remote('h', '/a b')],
    ['et://h/a%2Fb', remote('h', '/a/b')],
    ['et://h/a%3Fb%23c', remote('h', '/a?b#c')],
    ['et://h/caf%C3%A9', remote('h', '/café')],
    ['et://h/dev/zero:1GiB', remote('h', '/dev/zero:1GiB')],
  ])('%j', (text, expected) => {
    expect(parseEndpoint(text)).toEqual(expected);
  });

  it('P5: et://h/data/%2e%2e/secret is never /secret', () => {
    const ep = parseEndpoint('et://h/data/%2e%2e/secret');
    expect(ep.path).toBe('/data/../secret');
    expect(ep.path).not.toBe('/secret');
  });
});

describe('parseEndpoint: local paths', () => {
  it.each([
    'file.txt',
    'dir/',
    '/data/x',
    './x',
    '../x',
    '/tmp/a:b',
    './x:/y',
    'a/b:/c',
    'C:\\x',
    'C:\\Users\\me\\file.txt',
    'host:relative',
    'host:',
    'host:~/x',
    'a:b:/c',
    '/dev/zero:1GiB',
    '/dev/null',
    '[::1]',
    '[::1:/x]:/y', // the '/' comes before the first colon outside brackets
    'alice@host',
    'host#5000',
    'et:',
    'et:x',
    '/et://h/x',
  ])('%j', (text) => {
    expect(parseEndpoint(text)).toEqual({ kind: 'local', path: text });
  });
});

describe('parseEndpoint: E_USAGE', () => {
  it.each([
    '',
    // etc form that is meant as remote but is malformed
    ':/x',
    '@host:/x',
    '#4004:/x',
    'h#0x10:/x',
    'h#99999:/x',
    'h#65536:/x',
    'h#0:/x',
    'h#:/x',
    'h#-1:/x',
    'h# 80:/x',
    'bad host:/x',
    'host_name:/x',
    '-host:/x',
    'a@b@h:/x',
    'bad user@h:/x',
    'al!ce@h:/x',
    `${'u'.repeat(65)}@h:/x`,
    '[]:/x',
    '[1.2.3.4]:/x',
    '[host]:/x',
    '[::1]x:/y',
    '[::1]#99999:/x',
    // URI form
    'et://',
    'et:///x',
    'et://:4004/x',
    'et://host:/x',
    'et://host:0x10/x',
    'et://host:99999/x',
    'et://host:0/x',
    'et://bad_host/x',
    'et://::1/x',
    'et://[::1/x',
    'et://[1.2.3.4]/x',
    'et://al!ce@h/x',
    'et://user:pw@h/x',
    'et://@h/x',
    'et://h/x?y=1',
    'et://h/x#frag',
    'et://h?x',
    'et://h/%',
    'et://h/%2',
    'et://h/%zz',
    'et://h/%2g',
    'et://h/%FF',
    'et://h/%C3',
  ])('%j', (text) => {
    expect(codeOf(() => parseEndpoint(text))).toBe('E_USAGE');
  });

  it('accepts a 64-character user name', () => {
    const user = 'u'.repeat(64);
    expect(parseEndpoint(`${user}@h:/x`)).toEqual(remote('h', '/x', P, user));
  });
});

describe('formatEndpoint', () => {
  it.each<[Endpoint, string]>([
    [remote('host', '/x'), 'host:/x'],
    [remote('host', '/x', 5000), 'host#5000:/x'],
    [remote('host', '/x', P, 'alice'), 'alice@host:/x'],
    [remote('::1', '/x'), '[::1]:/x'],
    [remote('2001:db8::1', '/d/', 9000, 'bob'), 'bob@[2001:db8::1]#9000:/d/'],
    [remote('h', '/dev/zero:10GiB'), 'h:/dev/zero:10GiB'],
    [{ kind: 'local', path: '/tmp/a:b' }, '/tmp/a:b'],
    [{ kind: 'local', path: 'file.txt' }, 'file.txt'],
  ])('%j → %j', (ep, expected) => {
    expect(formatEndpoint(ep)).toBe(expected);
  });

  it.each([
    'host:/data/x',
    'host#5000:/data/x',
    'alice@host:/data/dir/',
    'alice@host#1:/',
    '[::1]:/x',
    '[::1]#4005:/x',
    'bob@[2001:db8::1]#9000:/srv/a',
    '[fe80::1%eth0]:/x',
    'host:/a//b',
    'host:/data/%2e%2e/secret',
    'host:/dev/zero:10GiB',
    'host:/a b/c?d#e',
    '10.0.0.1#80:/x',
  ])('round trip %j', (text) => {
    const ep = parseEndpoint(text);
    expect(ep.kind).toBe('remote');
    expect(formatEndpoint(ep)).toBe(text);
    expect(parseEndpoint(formatEndpoint(ep))).toEqual(ep);
  });

  it.each([
    ['et://host/x', 'host:/x'],
    ['et://alice@host:5000/d/', 'alice@host#5000:/d/'],
    ['et://[::1]:4004/x', '[::1]:/x'],
    ['et://h/data/%2e%2e/secret', 'h:/data/../secret'],
    ['et://h/a%3Fb%23c', 'h:/a?b#c'],
    ['et://h', 'h:/'],
  ])('URI %j formats as %j and parses back to the same endpoint', (uri, etc) => {
    const ep = parseEndpoint(uri);
    expect(formatEndpoint(ep)).toBe(etc);
    expect(parseEndpoint(formatEndpoint(ep))).toEqual(ep);
  });

  it.each(['file.txt', '/tmp/a:b', './x:/y', '/dev/zero:1GiB'])('local %j round trips', (text) => {
    expect(formatEndpoint(parseEndpoint(text))).toBe(text);
  });
});

describe('describeServer', () => {
  it.each([
    [{ host: 'host', port: 4004 }, 'host:4004'],
    [{ host: '10.0.0.1', port: 80 }, '10.0.0.1:80'],
    [{ host: '::1', port: 4004 }, '[::1]:4004'],
  ])('%j → %j', (ep, expected) => {
    expect(describeServer(ep)).toBe(expected);
  });

  it('takes a parsed remote endpoint', () => {
    const ep = parseEndpoint('alice@[::1]#5000:/x');
    if (ep.kind !== 'remote') throw new Error('expected remote');
    expect(describeServer(ep)).toBe('[::1]:5000');
  });
});
