import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, Acl, DEFAULT_ACL_JSON, DEFAULT_ACL_LIMITS, type Principal, RIGHTS, type Right } from '../../src/common/acl.js';
import { EtxError } from '../../src/common/errors.js';
import { aclPathOf } from '../../src/common/special-paths.js';

const user = (name: string): Principal => ({ name, authenticated: true });
const alice = user('alice');
const bob = user('bob');
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKoURfMOnd/+BuLKLl1vnTc0gUmwPtHK2qvjY2iGxMGw alice@laptop';
const KEY_RAW = Buffer.from('aa1445f30e9ddffe06e2ca2e5d6f9d37348149b03ed1cadaabe3636886c4c1b0', 'hex');
const rawKeys = (a: Acl, user: string): Buffer[] => a.keysOf(user).map((k) => k.raw);

function errorOf(fn: () => unknown): EtxError | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof EtxError) return err;
    throw err;
  }
  return undefined;
}

type Rule = { users: string[]; allow?: Right[]; deny?: Right[]; paths: string[] };
const acl = (rules: Rule[], users: Record<string, string[]> = {}): Acl => Acl.parse({ users, rules }, 'test.json');

describe('Acl: decisions (DESIGN section 3, THREATS section 4)', () => {
  // The example of DESIGN section 3, plus rules for the rows below.
  const policy = acl(
    [
      { users: ['anonymous', '*'], allow: ['list', 'read', 'write'], paths: ['/tmp/**'] },
      { users: ['alice'], allow: ['list', 'read'], paths: ['/data/**'] },
      { users: ['*'], deny: ['write', 'delete'], paths: ['/data/archive/**'] },
      { users: ['*'], allow: ['write', 'delete'], paths: ['/data/archive/**', '/data/pub/**'] },
      { users: ['alice'], deny: ['list', 'read'], paths: ['/data/private/**'] },
      // A literal allow matches a dotfile even with dot: false; only the deny's dot: true stops it (G1).
      { users: ['alice'], allow: ['read'], paths: ['/data/private/.ssh/id_rsa'] },
      { users: ['bob'], allow: ['read'], paths: ['/data/bob/**', '/data/*.vdif'] },
      { users: ['*'], allow: ['read'], paths: ['/data/café/**'] },
    ],
    { alice: [KEY], bob: [KEY] },
  );

  const rows: [string, Principal, Right, string, boolean][] = [
    ['allow', alice, 'read', '/data/x', true],
    ['allow', alice, 'list', '/data', true],
    ['allow, deep', alice, 'read', '/data/a/b/c/d.txt', true],
    ['allow only the rights listed', alice, 'delete', '/data/x', false],
    ['default deny: no rule', alice, 'read', '/etc/passwd', false],
    ['default deny: root', alice, 'list', '/', false],
    ['default deny: other user', bob, 'read', '/data/x', false],
    ['allow for *', bob, 'write', '/data/pub/new.bin', true],
    ['allow for * covers the folder', bob, 'write', '/data/pub', true],
    ['deny wins over an allow', alice, 'write', '/data/archive/2024/x', false],
    ['deny wins: delete', bob, 'delete', '/data/archive/x', false],
    ['G2 deny covers X itself', bob, 'write', '/data/archive', false],
    ['deny of one right leaves others', alice, 'read', '/data/archive/x', true],
    ['G1 deny covers dotfiles', alice, 'read', '/data/private/.ssh/id_rsa', false],
    ['G1 deny covers dot dirs', alice, 'list', '/data/private/.git', false],
    ['G2 deny list of X itself', alice, 'list', '/data/private', false],
    ['G2 deny read of X itself', alice, 'read', '/data/private', false],
    ['P8 deny does not leak to a prefix sibling', alice, 'read', '/data/private2/x', true],
    ['P8 deny does not leak to a dotted sibling', alice, 'read', '/data/private.bak', true],
    ['allow with * in a component', bob, 'read', '/data/obs.vdif', true],
    ['* does not cross a component', bob, 'read', '/data/sub/obs.vdif', false],
    ['* matches a dotfile (dot: true)', bob, 'read', '/data/.hidden.vdif', true],
    ['glob is not a folder rule', bob, 'read', '/data/x.vdif/y', false],
    ['anonymous on /tmp', ANONYMOUS, 'write', '/tmp/x', true],
    ['anonymous on /tmp itself', ANONYMOUS, 'list', '/tmp', true],
    ['anonymous not on /tmp2', ANONYMOUS, 'write', '/tmp2/x', false],
    ['anonymous elsewhere', ANONYMOUS, 'read', '/data/x', false],
    ['anonymous never delete', ANONYMOUS, 'delete', '/tmp/x', false],
    ['authenticated via *', bob, 'write', '/tmp/x/y', true],
    ['G5 * does not admit anonymous', ANONYMOUS, 'write', '/data/pub/x', false],
    ['G5 anonymous principal with a name', { name: 'alice', authenticated: false }, 'read', '/data/x', false],
    ['P6 NFC rule', bob, 'read', '/data/café/x', true],
    ['P6 NFD path fails closed', bob, 'read', '/data/cafe\u0301/x', false],
    ['S13 empty user name', user(''), 'read', '/data/pub/x', false],
    ['S13 empty anonymous name', { name: '', authenticated: false }, 'read', '/tmp/x', false],
    ['reserved name never authenticated', user('anonymous'), 'read', '/data/pub/x', false],
    ['reserved name * never authenticated', user('*'), 'write', '/data/pub/x', false],
    ['fail closed on ..', alice, 'read', '/data/../etc/passwd', false],
    ['fail closed on //', ANONYMOUS, 'read', '/tmp//x', false],
    ['fail closed on .', ANONYMOUS, 'read', '/tmp/./x', false],
    ['fail closed on trailing /', ANONYMOUS, 'read', '/tmp/x/', false],
    ['fail closed on NUL', ANONYMOUS, 'read', '/tmp/a\u0000', false],
    ['fail closed on relative', ANONYMOUS, 'read', 'tmp/x', false],
    ['fail closed on empty', ANONYMOUS, 'read', '', false],
    ['fail closed on unknown right', alice, 'admin' as Right, '/data/x', false],
  ];

  it.each(rows)('%s: %o %s %j → %s', (_why, who, right, path, expected) => {
    expect(policy.allows(who, right, path)).toBe(expected);
    const err = errorOf(() => policy.check(who, right, path));
    if (expected) expect(err).toBeUndefined();
    else expect(err?.code).toBe('E_ACL_DENIED');
  });

  it('check names user, right and a safe rendering of the path', () => {
    expect(errorOf(() => policy.check(alice, 'write', '/data/archive/x'))?.message).toBe('alice may not write /data/archive/x');
    const msg = errorOf(() => policy.check(alice, 'read', '/data/\u001b[2J\u0000'))?.message ?? '';
    expect(msg).toBe('alice may not read /data/\\x1b[2J\\x00');
  });

  it('fails closed on a malformed principal', () => {
    expect(policy.allows(undefined as unknown as Principal, 'read', '/tmp/x')).toBe(false);
    expect(policy.allows({ name: 42 } as unknown as Principal, 'read', '/tmp/x')).toBe(false);
    expect(policy.allows({ name: 'alice' } as unknown as Principal, 'read', '/data/x')).toBe(false);
  });
});

describe('Acl: G5 deny wins in either order, table-driven over rule pairs', () => {
  const rules: Record<string, Rule> = {
    allowData: { users: ['*'], allow: ['read', 'list'], paths: ['/data/**'] },
    denyX: { users: ['*'], deny: ['read'], paths: ['/data/x/**'] },
    allowX: { users: ['alice'], allow: ['read', 'write'], paths: ['/data/x/**'] },
    denyAliceData: { users: ['alice'], deny: ['write'], paths: ['/data/**'] },
    allowAnon: { users: ['anonymous'], allow: ['read'], paths: ['/data/**'] },
    denyAnonY: { users: ['anonymous'], deny: ['read'], paths: ['/data/y'] },
  };
  const names = Object.keys(rules);
  const probes: [Principal, Right, string][] = [];
  for (const who of [alice, bob, ANONYMOUS]) {
    for (const right of RIGHTS) {
      for (const path of ['/data', '/data/x', '/data/x/y', '/data/y', '/data/x2', '/other']) probes.push([who, right, path]);
    }
  }

  for (const a of names) {
    for (const b of names) {
      if (a >= b) continue;
      it(`${a} + ${b}: the order does not matter`, () => {
        const ab = acl([rules[a] as Rule, rules[b] as Rule]);
        const ba = acl([rules[b] as Rule, rules[a] as Rule]);
        for (const [who, right, path] of probes) {
          expect(ab.allows(who, right, path), `${who.name} ${right} ${path}`).toBe(ba.allows(who, right, path));
        }
      });
    }
  }

  it('allow /data/** plus deny /data/x/**, in either order: /data/x/y is denied', () => {
    for (const order of [
      [rules.allowData, rules.denyX],
      [rules.denyX, rules.allowData],
    ] as Rule[][]) {
      const a = acl(order);
      expect(errorOf(() => a.check(bob, 'read', '/data/x/y'))?.code).toBe('E_ACL_DENIED');
      expect(a.allows(bob, 'read', '/data/x')).toBe(false);
      expect(a.allows(bob, 'read', '/data/y')).toBe(true);
      expect(a.allows(bob, 'read', '/data/x2')).toBe(true);
      expect(a.allows(bob, 'list', '/data/x/y')).toBe(true);
    }
  });

  it('an ACL with no rules denies everything', () => {
    const empty = acl([]);
    for (const [who, right, path] of probes) expect(empty.allows(who, right, path)).toBe(false);
  });
});

describe('Acl: P8 prefix confusion', () => {
  it('alice may read only /data/alice/**', () => {
    const a = acl([{ users: ['alice'], allow: ['read'], paths: ['/data/alice/**'] }], { alice: [KEY] });
    expect(a.allows(alice, 'read', '/data/alice')).toBe(true);
    expect(a.allows(alice, 'read', '/data/alice/x')).toBe(true);
    expect(a.allows(alice, 'read', '/data/alice2/x')).toBe(false);
    expect(a.allows(alice, 'read', '/data/alice2')).toBe(false);
    expect(a.allows(alice, 'read', '/data/alice.bak')).toBe(false);
    expect(a.allows(alice, 'read', '/data')).toBe(false);
  });

  it('X/** covers X by whole components, also with a glob in X', () => {
    const a = acl([{ users: ['*'], allow: ['list'], paths: ['/data/*/pub/**', '/**'] }]);
    expect(a.allows(bob, 'list', '/data/site1/pub')).toBe(true);
    expect(a.allows(bob, 'list', '/data/site1/pub/x')).toBe(true);
    expect(a.allows(bob, 'list', '/')).toBe(true);
    const b = acl([{ users: ['*'], allow: ['list'], paths: ['/data/*/pub/**'] }]);
    expect(b.allows(bob, 'list', '/data/site1/public')).toBe(false);
    expect(b.allows(bob, 'list', '/data/site1')).toBe(false);
    expect(b.allows(bob, 'list', '/')).toBe(false);
  });
});

describe('Acl: G6 test endpoints need their own rules', () => {
  const noDev = acl([{ users: ['anonymous', '*'], allow: ['list', 'read', 'write'], paths: ['/tmp/**', '/data/**'] }]);
  const withDev = acl([
    { users: ['*'], allow: ['read'], paths: ['/dev/zero'] },
    { users: ['*'], allow: ['write'], paths: ['/dev/null'] },
  ]);

  it('without a rule: /dev/zero:SIZE and /dev/null are denied', () => {
    expect(errorOf(() => noDev.check(bob, 'read', aclPathOf('/dev/zero:1GiB')))?.message).toBe('bob may not read /dev/zero');
    expect(errorOf(() => noDev.check(bob, 'write', aclPathOf('/dev/null')))?.code).toBe('E_ACL_DENIED');
    expect(noDev.allows(ANONYMOUS, 'read', aclPathOf('/dev/zero:1GiB'))).toBe(false);
  });

  it('with their rules: allowed as /dev/zero (read) and /dev/null (write) only', () => {
    expect(withDev.allows(bob, 'read', aclPathOf('/dev/zero:1GiB'))).toBe(true);
    expect(withDev.allows(bob, 'write', aclPathOf('/dev/null'))).toBe(true);
    expect(withDev.allows(bob, 'write', aclPathOf('/dev/zero:1GiB'))).toBe(false);
    expect(withDev.allows(bob, 'read', aclPathOf('/dev/null'))).toBe(false);
    // `/dev/sda:1GiB` is a plain name: the /dev/zero rule does not cover it.
    expect(withDev.allows(bob, 'read', aclPathOf('/dev/sda:1GiB'))).toBe(false);
    expect(withDev.allows(ANONYMOUS, 'read', aclPathOf('/dev/zero:1GiB'))).toBe(false);
  });
});

describe('Acl: prototype pollution (THREATS D8)', () => {
  const json = JSON.parse(`{
    "users": { "__proto__": ["${KEY}"], "constructor": ["${KEY}"], "alice": ["${KEY}"] },
    "rules": [ { "users": ["__proto__"], "allow": ["read"], "paths": ["/data/proto/**"] } ]
  }`);
  const a = Acl.parse(json, 'proto.json');

  it('a user named __proto__ is an ordinary name', () => {
    expect(a.allows(user('__proto__'), 'read', '/data/proto/x')).toBe(true);
    expect(a.allows(user('__proto__'), 'read', '/data/other')).toBe(false);
    expect(a.allows(user('__proto__'), 'write', '/data/proto/x')).toBe(false);
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'prototype', 'alice']) {
      expect(a.allows(user(name), 'read', '/data/proto/x')).toBe(false);
    }
    expect(rawKeys(a, '__proto__')).toEqual([KEY_RAW]);
    expect(rawKeys(a, 'constructor')).toEqual([KEY_RAW]);
    expect(rawKeys(a, 'toString')).toEqual([]);
    expect(a.userCount).toBe(3);
  });

  it('a polluting document is refused and leaves Object.prototype alone', () => {
    const evil = JSON.parse('{"users": {"__proto__": {"admin": true}}, "rules": []}');
    expect(errorOf(() => Acl.parse(evil, 'evil.json'))?.code).toBe('E_CONFIG');
    const evil2 = JSON.parse('{"__proto__": {"admin": true}, "rules": []}');
    expect(errorOf(() => Acl.parse(evil2, 'evil.json'))?.code).toBe('E_CONFIG');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('Acl: the default /tmp/** policy', () => {
  const a = Acl.parse(DEFAULT_ACL_JSON, 'default');
  it('lets anyone list, read and write under /tmp and nothing else', () => {
    for (const who of [ANONYMOUS, alice]) {
      for (const right of ['list', 'read', 'write'] as Right[]) {
        expect(a.allows(who, right, '/tmp/x')).toBe(true);
        expect(a.allows(who, right, '/tmp')).toBe(true);
        expect(a.allows(who, right, '/etc/passwd')).toBe(false);
        expect(a.allows(who, right, '/tmp2/x')).toBe(false);
      }
      expect(a.allows(who, 'delete', '/tmp/x')).toBe(false);
    }
    expect(a.userCount).toBe(0);
  });

  it('anonymousMay reports what anonymous could do', () => {
    expect(a.anonymousMay('write')).toBe(true);
    expect(a.anonymousMay('read')).toBe(true);
    expect(a.anonymousMay('delete')).toBe(false);
    const authOnly = acl([{ users: ['*'], allow: ['write'], paths: ['/**'] }]);
    expect(authOnly.anonymousMay('write')).toBe(false);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_ACL_JSON)).toBe(true);
    expect(Object.isFrozen(DEFAULT_ACL_JSON.rules[0])).toBe(true);
  });
});

describe('Acl.parse: invalid documents are E_CONFIG naming the origin and the rule', () => {
  const ok: Rule = { users: ['*'], allow: ['read'], paths: ['/data/**'] };
  const cases: [string, unknown, RegExp][] = [
    ['null', null, /JSON object/],
    ['an array', [], /JSON object/],
    ['a string', 'rules', /JSON object/],
    ['missing rules', { users: {} }, /rules/],
    ['rules not an array', { rules: {} }, /rules/],
    ['unknown top key', { rules: [], rulez: [] }, /unknown key "rulez"/],
    ['users null', { users: null, rules: [] }, /users/],
    ['users an array', { users: [], rules: [] }, /users/],
    ['key lines not an array', { users: { alice: KEY }, rules: [] }, /alice/],
    ['key line not a string', { users: { alice: [42] }, rules: [] }, /alice/],
    ['key line with a newline', { users: { alice: [`${KEY}\nssh-ed25519 BBBB`] }, rules: [] }, /alice/],
    ['keys for anonymous', { users: { anonymous: [KEY] }, rules: [] }, /reserved/],
    ['an RSA key', { users: { alice: ['ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ alice'] }, rules: [] }, /alice.*ssh-ed25519/],
    ['a key that is not base64', { users: { alice: ['ssh-ed25519 !!!! alice'] }, rules: [] }, /base64/],
    ['a truncated key', { users: { alice: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKoURfMOnd alice'] }, rules: [] }, /alice/],
    ['keys for *', { users: { '*': [KEY] }, rules: [] }, /reserved/],
    ['empty user name', { users: { '': [KEY] }, rules: [] }, /user name/],
    ['user name with a blank', { users: { 'a b': [KEY] }, rules: [] }, /user name/],
    ['rule not an object', { rules: [ok, 'x'] }, /rules\[1\]/],
    ['unknown rule key', { rules: [ok, { ...ok, alow: ['read'] }] }, /rules\[1\]: unknown key "alow"/],
    ['rule users missing', { rules: [ok, { allow: ['read'], paths: ['/x'] }] }, /rules\[1\]: "users"/],
    ['rule users empty', { rules: [ok, { ...ok, users: [] }] }, /rules\[1\]: "users"/],
    ['rule user not a string', { rules: [ok, { ...ok, users: [42] }] }, /rules\[1\]/],
    ['rule user empty', { rules: [ok, { ...ok, users: [''] }] }, /rules\[1\]/],
    ['allow not an array', { rules: [ok, { ...ok, allow: 'read' }] }, /rules\[1\]: "allow"/],
    ['unknown right', { rules: [ok, { ...ok, allow: ['read', 'execute'] }] }, /rules\[1\]: unknown right "execute"/],
    ['unknown deny right', { rules: [ok, { ...ok, deny: ['admin'] }] }, /rules\[1\]: unknown right "admin"/],
    ['right with wrong case', { rules: [ok, { ...ok, allow: ['Read'] }] }, /rules\[1\]/],
    ['neither allow nor deny', { rules: [ok, { users: ['*'], paths: ['/x'] }] }, /rules\[1\]: .*allow.*deny/],
    ['empty allow', { rules: [ok, { ...ok, allow: [] }] }, /rules\[1\]/],
    ['paths missing', { rules: [ok, { users: ['*'], allow: ['read'] }] }, /rules\[1\]: "paths"/],
    ['paths empty', { rules: [ok, { ...ok, paths: [] }] }, /rules\[1\]: "paths"/],
    ['path not a string', { rules: [ok, { ...ok, paths: [42] }] }, /rules\[1\]/],
    ['relative pattern', { rules: [ok, { ...ok, paths: ['data/**'] }] }, /rules\[1\]: pattern "?data\/\*\*"? is not absolute/],
    ['empty pattern', { rules: [ok, { ...ok, paths: [''] }] }, /rules\[1\]/],
    ['pattern with ..', { rules: [ok, { ...ok, paths: ['/data/../etc/**'] }] }, /rules\[1\]/],
    ['pattern with .', { rules: [ok, { ...ok, paths: ['/data/./x'] }] }, /rules\[1\]/],
    ['pattern with //', { rules: [ok, { ...ok, paths: ['/data//x'] }] }, /rules\[1\]/],
    ['pattern with a trailing /', { rules: [ok, { ...ok, paths: ['/data/'] }] }, /rules\[1\]/],
    ['pattern with NUL', { rules: [ok, { ...ok, paths: ['/data/\u0000'] }] }, /rules\[1\]/],
    ['NFD pattern', { rules: [ok, { ...ok, paths: ['/data/cafe\u0301/**'] }] }, /rules\[1\]: .*NFC/],
    ['G3 pattern over 1 KiB', { rules: [ok, { ...ok, paths: [`/${'a'.repeat(1024)}`] }] }, /rules\[1\]: .*1024 bytes/],
    ['G3 pattern over 1 KiB in UTF-8', { rules: [ok, { ...ok, paths: [`/${'é'.repeat(512)}`] }] }, /rules\[1\]/],
    ['G3 five **', { rules: [ok, { ...ok, paths: ['/data/**/a/**/b/**/c/**/d/**'] }] }, /rules\[1\]: .*5 "\*\*"/],
    ['G3 five ** in one component', { rules: [ok, { ...ok, paths: ['/a**b**c**d**e**'] }] }, /rules\[1\]/],
  ];

  it.each(cases)('%s', (_why, json, message) => {
    const err = errorOf(() => Acl.parse(json, '/etc/etransfer/acl.json'));
    expect(err?.code).toBe('E_CONFIG');
    expect(err?.message).toMatch(/^\/etc\/etransfer\/acl\.json: /);
    expect(err?.message).toMatch(message);
  });

  it('accepts the limits themselves: a 1024-byte pattern and four **', () => {
    const p1024 = `/${'a'.repeat(1023)}`;
    expect(Buffer.byteLength(p1024)).toBe(DEFAULT_ACL_LIMITS.maxPatternBytes);
    expect(() => acl([{ ...ok, paths: [p1024] }])).not.toThrow();
    expect(() => acl([{ ...ok, paths: ['/data/**/d0/**/d1/**/d2/**/d3/zz'] }])).not.toThrow();
    expect(DEFAULT_ACL_LIMITS).toEqual({ maxPatternBytes: 1024, maxGlobstarsPerPattern: 4 });
  });

  it('applies custom limits', () => {
    const limits = { maxPatternBytes: 16, maxGlobstarsPerPattern: 1 };
    expect(() => Acl.parse({ rules: [{ ...ok, paths: ['/data/**'] }] }, 'o', limits)).not.toThrow();
    expect(errorOf(() => Acl.parse({ rules: [{ ...ok, paths: ['/data/**/x/**'] }] }, 'o', limits))?.code).toBe('E_CONFIG');
    expect(errorOf(() => Acl.parse({ rules: [{ ...ok, paths: ['/data/abcdefghijklmn'] }] }, 'o', limits))?.code).toBe('E_CONFIG');
  });

  it('the users key is optional', () => {
    expect(Acl.parse({ rules: [] }, 'o').userCount).toBe(0);
  });
});

describe('Acl.load', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'etx-acl-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a file', async () => {
    const file = join(dir, 'acl.json');
    await writeFile(file, JSON.stringify({ users: { alice: [KEY] }, rules: [{ users: ['alice'], allow: ['read'], paths: ['/data/**'] }] }));
    const a = await Acl.load(file);
    expect(a.allows(alice, 'read', '/data/x')).toBe(true);
    expect(rawKeys(a, 'alice')).toEqual([KEY_RAW]);
  });

  it.each([
    ['missing file', null],
    ['invalid JSON', '{"rules": ['],
    ['empty file', ''],
    ['valid JSON, invalid ACL', '{"rules": [{"users": ["*"], "allow": ["root"], "paths": ["/**"]}]}'],
  ])('%s → E_CONFIG naming the file', async (_why, content) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    if (content !== null) await writeFile(file, content);
    const err = await Acl.load(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EtxError);
    expect((err as EtxError).code).toBe('E_CONFIG');
    expect((err as EtxError).message).toContain(file);
  });
});

describe('Acl: G3 matcher time on long paths', () => {
  const rule = '/data/**/d0/**/d1/**/d2/**/d3/zz';
  const allowing = acl([{ users: ['*'], allow: ['read'], paths: [rule] }]);
  const denying = acl([
    { users: ['*'], allow: ['read'], paths: ['/data/**'] },
    { users: ['*'], deny: ['read'], paths: [rule] },
  ]);
  const shapes: Record<string, (i: number) => string> = {
    cycle: (i) => `d${i % 4}`,
    same: () => 'd0',
    three: (i) => `d${i % 3}`,
    reverse: (i) => `d${3 - (i % 4)}`,
    halves: (i) => (i < 500 ? 'd0' : 'd1'),
    plain: (i) => `seg${i}`,
  };

  for (const [shape, seg] of Object.entries(shapes)) {
    for (const end of ['zz', 'd3/zz', 'x']) {
      it(`${shape} × 1000 segments, ending ${end}: < 50 ms per match`, () => {
        const path = `/data/${Array.from({ length: 1000 }, (_, i) => seg(i)).join('/')}/${end}`;
        const decisions = [allowing, denying].map((a) => {
          a.allows(bob, 'read', path); // warm-up
          const t0 = performance.now();
          const allowed = a.allows(bob, 'read', path);
          expect(performance.now() - t0).toBeLessThan(50);
          return allowed;
        });
        // The deny ACL denies exactly what the allow ACL allows.
        expect(decisions[1]).toBe(!decisions[0]);
        const matches = end === 'd3/zz' ? ['cycle', 'three', 'reverse'].includes(shape) : end === 'zz' && shape === 'cycle';
        expect(decisions[0]).toBe(matches);
      });
    }
  }
});

describe('Acl: property test against a reference', () => {
  /** A slow, obviously-correct matcher: `**` is any number of whole components, `*` any run within one. */
  function refMatch(pat: readonly string[], parts: readonly string[]): boolean {
    if (pat.length === 0) return parts.length === 0;
    const [head, ...rest] = pat;
    if (head === '**') {
      for (let k = 0; k <= parts.length; k++) if (refMatch(rest, parts.slice(k))) return true;
      return false;
    }
    if (parts.length === 0) return false;
    const re = new RegExp(
      `^${(head as string)
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return re.test(parts[0] as string) && refMatch(rest, parts.slice(1));
  }
  const split = (p: string): string[] => (p === '/' ? [] : p.slice(1).split('/'));
  function refCovers(pattern: string, path: string): boolean {
    const parts = split(path);
    if (refMatch(split(pattern), parts)) return true;
    return pattern.endsWith('/**') && refMatch(split(pattern.slice(0, -3)), parts);
  }
  function refAllows(rules: readonly Rule[], who: Principal, right: Right, path: string): boolean {
    let allowed = false;
    for (const r of rules) {
      const applies = who.authenticated ? r.users.includes('*') || r.users.includes(who.name) : r.users.includes('anonymous');
      if (!applies || !r.paths.some((p) => refCovers(p, path))) continue;
      if (r.deny?.includes(right)) return false;
      if (r.allow?.includes(right)) allowed = true;
    }
    return allowed;
  }

  const patternArb = fc.constantFrom(
    '/**',
    '/data/**',
    '/data/x/**',
    '/data/x',
    '/data/*/y',
    '/data/x*/**',
    '/data/.ssh/**',
    '/data/**/y',
    '/tmp/**',
    '/*',
  );
  const rightsArb = fc.subarray([...RIGHTS]);
  const ruleArb = fc
    .record({
      users: fc.subarray(['anonymous', '*', 'alice', 'bob', '__proto__'], { minLength: 1 }),
      allow: rightsArb,
      deny: rightsArb,
      paths: fc.array(patternArb, { minLength: 1, maxLength: 3 }),
    })
    .filter((r) => r.allow.length + r.deny.length > 0);
  const pathArb = fc
    .array(fc.constantFrom('data', 'x', 'y', 'x2', '.ssh', 'tmp', 'z'), { maxLength: 4 })
    .map((parts) => `/${parts.join('/')}`);
  const whoArb = fc.constantFrom(ANONYMOUS, alice, bob, user('__proto__'), user('carol'));

  it('agrees with the reference, whatever the rule order', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 5 }),
        fc.array(fc.tuple(whoArb, fc.constantFrom(...RIGHTS), pathArb), { minLength: 1, maxLength: 10 }),
        (rules, probes) => {
          const forward = acl(rules);
          const backward = acl([...rules].reverse());
          for (const [who, right, path] of probes) {
            const expected = refAllows(rules, who, right, path);
            expect(forward.allows(who, right, path)).toBe(expected);
            expect(backward.allows(who, right, path)).toBe(expected);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
