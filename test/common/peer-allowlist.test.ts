/** `--allow-peer` parsing and membership (THREATS S1, S2): what a server may dial at all. */
import fc from 'fast-check';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { PeerAllowlist, classifyPeerHost, parseAllowPeers } from '../../src/common/peer-allowlist.js';

describe('parsing --allow-peer entries', () => {
  it('takes IPv4 and IPv6 CIDRs, single addresses and host names', () => {
    const list = PeerAllowlist.parse([
      '203.0.113.0/24',
      '2001:db8::/32',
      '192.0.2.7',
      '2001:db8:ffff::7',
      '[2001:db8:eeee::9]',
      '[2001:db8:dddd::]/48',
      'Peer.Example.ORG.',
      ' 198.51.100.0/30 ',
    ]);
    expect(list.entries).toHaveLength(8);
    expect(list.allowsAddress('203.0.113.200')).toBe(true);
    expect(list.allowsAddress('2001:db8:1234::1')).toBe(true);
    expect(list.allowsAddress('192.0.2.7')).toBe(true);
    expect(list.allowsAddress('2001:db8:ffff::7')).toBe(true);
    expect(list.allowsAddress('2001:db8:eeee::9')).toBe(true);
    expect(list.allowsAddress('198.51.100.3')).toBe(true);
    expect(list.allowsName('peer.example.org')).toBe(true);
  });

  it('gives undefined (dial anything) for no entries', () => {
    expect(parseAllowPeers(undefined)).toBeUndefined();
    expect(parseAllowPeers([])).toBeUndefined();
    expect(parseAllowPeers(['10.0.0.0/8'])).toBeInstanceOf(PeerAllowlist);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['10.0.0.0/33', /prefix length .* 0 to 32/],
    ['2001:db8::/129', /prefix length .* 0 to 128/],
    ['10.0.0.0/-1', /prefix length/],
    ['10.0.0.0/08', /prefix length/],
    ['10.0.0.0/', /prefix length/],
    ['10.0.0.0/8/8', /prefix length/],
    ['10.0.0/8', /is not an IPv4 \(a\.b\.c\.d\) or IPv6 address/],
    ['010.0.0.0/8', /is not an IPv4 \(a\.b\.c\.d\) or IPv6 address/],
    ['peer.example.org/24', /is not an IPv4 \(a\.b\.c\.d\) or IPv6 address/],
    ['10.1.2.3/8', /host bits are set; the network is 10\.0\.0\.0\/8/],
    ['2001:db8::1/32', /host bits are set; the network is 2001:db8::\/32/],
    ['fe80::1%eth0', /zone/],
    ['[::1', /not a CIDR/],
    ['::1]', /not a CIDR/],
    ['[peer.example.org]', /is not an IPv4 \(a\.b\.c\.d\) or IPv6 address/],
    ['127.1', /legacy spelling/],
    ['0x7f.1', /legacy spelling/],
    ['2130706433', /legacy spelling/],
    ['017700000001', /legacy spelling/],
    ['012.0.0.1', /legacy spelling/],
    ['*.example.org', /not a CIDR/],
    ['peer_1.example.org', /not a CIDR/],
    ['-peer.example.org', /not a CIDR/],
    ['peer..example.org', /not a CIDR/],
    ['https://peer.example.org', /not a CIDR/],
    ['peer.example.org:8008', /not a CIDR/],
    [`${'a'.repeat(64)}.example.org`, /not a CIDR/],
  ])('refuses %j with E_CONFIG', (entry, message) => {
    let caught: unknown;
    try {
      PeerAllowlist.parse(['192.0.2.0/24', entry]);
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'E_CONFIG' });
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).toContain('--allow-peer');
  });
});

describe('membership', () => {
  it('judges IPv4 CIDRs bit by bit', () => {
    const list = PeerAllowlist.parse(['203.0.113.0/24', '198.51.100.64/26', '192.0.2.1/32']);
    for (const ip of ['203.0.113.0', '203.0.113.5', '203.0.113.255', '198.51.100.64', '198.51.100.127', '192.0.2.1']) {
      expect(list.allowsAddress(ip), ip).toBe(true);
    }
    for (const ip of ['203.0.112.255', '203.0.114.0', '198.51.100.63', '198.51.100.128', '192.0.2.0', '192.0.2.2', '127.0.0.1']) {
      expect(list.allowsAddress(ip), ip).toBe(false);
    }
  });

  it('judges IPv6 CIDRs bit by bit, whatever the spelling', () => {
    const list = PeerAllowlist.parse(['2001:db8::/32', 'fd00:1:2:2::/63', '::1']);
    for (const ip of ['2001:db8::', '2001:DB8:0:0:0:0:0:1', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 'fd00:1:2:2::1', 'fd00:1:2:3::1']) {
      expect(list.allowsAddress(ip), ip).toBe(true);
    }
    expect(list.allowsAddress('0:0:0:0:0:0:0:1')).toBe(true);
    for (const ip of ['2001:db9::', '2001:db7:ffff::', 'fd00:1:2:4::', 'fd00:1:2:1::', '::2', '::']) {
      expect(list.allowsAddress(ip), ip).toBe(false);
    }
  });

  it('judges the address of a zoned IPv6 literal', () => {
    const list = PeerAllowlist.parse(['fe80::/10']);
    expect(list.allowsAddress('fe80::1%eth0')).toBe(true);
    expect(PeerAllowlist.parse(['2001:db8::/32']).allowsAddress('fe80::1%eth0')).toBe(false);
  });

  it('a /0 admits its whole family and only that', () => {
    expect(PeerAllowlist.parse(['0.0.0.0/0']).allowsAddress('8.8.8.8')).toBe(true);
    expect(PeerAllowlist.parse(['0.0.0.0/0']).allowsAddress('2001:db8::1')).toBe(false);
    expect(PeerAllowlist.parse(['::/0']).allowsAddress('2001:db8::1')).toBe(true);
    expect(PeerAllowlist.parse(['::/0']).allowsAddress('8.8.8.8')).toBe(false);
  });

  it('agrees with node:net BlockList on random networks and addresses', () => {
    const v4 = fc.tuple(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 32 }));
    const v6 = fc.tuple(fc.uint16Array({ minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 128 }));
    const group = (words: Uint16Array): string => [...words].map((w) => w.toString(16)).join(':');
    fc.assert(
      fc.property(v4, fc.uint8Array({ minLength: 4, maxLength: 4 }), ([net4, prefix], probe) => {
        const blocks = new net.BlockList();
        blocks.addSubnet(net4.join('.'), prefix, 'ipv4');
        // Build the canonical network (host bits cleared) the way an admin must write it.
        const base = Array.from(net4, (b, i) => b & ((0xff << (8 - Math.min(Math.max(prefix - i * 8, 0), 8))) & 0xff));
        const list = PeerAllowlist.parse([`${base.join('.')}/${prefix}`]);
        const address = probe.join('.');
        expect(list.allowsAddress(address)).toBe(blocks.check(address, 'ipv4'));
        expect(list.allowsAddress(base.join('.'))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(v6, fc.uint16Array({ minLength: 8, maxLength: 8 }), fc.boolean(), ([net6, prefix], probe, near) => {
        const base = net6.map((w, i) => w & ((0xffff << (16 - Math.min(Math.max(prefix - i * 16, 0), 16))) & 0xffff));
        // Half the probes share the network's first words, so both answers come up often.
        const candidate = near ? net6.map((w, i) => (i < 7 ? w : probe[i]!)) : probe;
        const blocks = new net.BlockList();
        blocks.addSubnet(group(base), prefix, 'ipv6');
        const isMappedNet = base.slice(0, 5).every((w) => w === 0) && base[5] === 0xffff && prefix >= 96;
        const isMappedProbe = candidate.slice(0, 5).every((w) => w === 0) && candidate[5] === 0xffff;
        fc.pre(!isMappedNet && !isMappedProbe);
        const list = PeerAllowlist.parse([`${group(base)}/${prefix}`]);
        expect(list.allowsAddress(group(candidate))).toBe(blocks.check(group(candidate), 'ipv6'));
      }),
    );
  });

  it('judges an IPv4-mapped IPv6 address as its IPv4 address', () => {
    const v4 = PeerAllowlist.parse(['203.0.113.0/24']);
    expect(v4.allowsAddress('::ffff:203.0.113.9')).toBe(true);
    expect(v4.allowsAddress('::FFFF:cb00:7109')).toBe(true);
    expect(v4.allowsAddress('0:0:0:0:0:ffff:203.0.113.9')).toBe(true);
    expect(v4.allowsAddress('::ffff:127.0.0.1')).toBe(false);
    // An IPv6 network does not admit the IPv4 host behind a mapped address...
    expect(PeerAllowlist.parse(['::/0']).allowsAddress('::ffff:127.0.0.1')).toBe(false);
    // ...while a mapped network is an IPv4 network.
    const mapped = PeerAllowlist.parse(['::ffff:203.0.113.0/120']);
    expect(mapped.allowsAddress('203.0.113.77')).toBe(true);
    expect(mapped.allowsAddress('::ffff:203.0.113.77')).toBe(true);
    expect(mapped.allowsAddress('203.0.114.1')).toBe(false);
  });

  it('never takes a name for an address', () => {
    const list = PeerAllowlist.parse(['127.0.0.0/8', 'peer.example.org']);
    expect(list.allowsAddress('localhost')).toBe(false);
    expect(list.allowsAddress('peer.example.org')).toBe(false);
    expect(list.allowsAddress('127.1')).toBe(false);
    expect(list.allowsAddress('[127.0.0.1]')).toBe(false);
  });

  it('matches host-name entries lowercased, with one trailing dot dropped', () => {
    const list = PeerAllowlist.parse(['Peer.Example.org', 'other.example.net.']);
    expect(list.allowsName('peer.example.org')).toBe(true);
    expect(list.allowsName('PEER.EXAMPLE.ORG.')).toBe(true);
    expect(list.allowsName('other.example.net')).toBe(true);
    expect(list.allowsName('other.example.net.')).toBe(true);
    expect(list.allowsName('other.example.net..')).toBe(false);
    expect(list.allowsName('evil.peer.example.org')).toBe(false);
    expect(list.allowsName('peer.example.org.evil.example')).toBe(false);
    expect(list.allowsName('example.org')).toBe(false);
    expect(list.allowsName('localhost')).toBe(false);
  });
});

describe('address spellings do not get past the list (S2)', () => {
  const list = PeerAllowlist.parse(['203.0.113.0/24']);
  const spellings = [
    '127.1',
    '0x7f.1',
    '2130706433',
    '017700000001',
    '012.0.0.1',
    '::ffff:127.0.0.1',
    '::1',
    '0.0.0.0',
    '::',
    'localhost.',
    'localhost',
    '0x7f000001',
    '127.0.0.1.',
    '203.0.113.1.',
  ];

  it.each(spellings)('%j is refused', (host) => {
    expect(list.allowsAddress(host)).toBe(false);
    expect(list.allowsName(host)).toBe(false);
    const target = classifyPeerHost(host);
    // Only a literal net.isIP accepts is an address; then it is judged (and refused) as such.
    if (target.kind === 'ip') expect(list.allowsAddress(host)).toBe(false);
  });

  it('classifies legacy numeric spellings as neither address nor name', () => {
    for (const host of ['127.1', '0x7f.1', '2130706433', '017700000001', '012.0.0.1', '0x7f000001', '127.0.0.1.', '1.2.3.04']) {
      expect(classifyPeerHost(host), host).toEqual({ kind: 'invalid' });
    }
  });

  it('classifies literals as addresses, mapped ones as IPv4, and the rest as names to resolve', () => {
    expect(classifyPeerHost('203.0.113.5')).toEqual({ kind: 'ip', address: '203.0.113.5' });
    expect(classifyPeerHost('::ffff:127.0.0.1')).toEqual({ kind: 'ip', address: '127.0.0.1' });
    expect(classifyPeerHost('::ffff:7f00:1')).toEqual({ kind: 'ip', address: '127.0.0.1' });
    expect(classifyPeerHost('::1')).toEqual({ kind: 'ip', address: '::1' });
    expect(classifyPeerHost('2001:DB8:0:0:1:0:0:1')).toEqual({ kind: 'ip', address: '2001:db8::1:0:0:1' });
    expect(classifyPeerHost('0.0.0.0')).toEqual({ kind: 'ip', address: '0.0.0.0' });
    expect(classifyPeerHost('localhost.')).toEqual({ kind: 'name', name: 'localhost' });
    expect(classifyPeerHost('Peer.Example.ORG')).toEqual({ kind: 'name', name: 'peer.example.org' });
    expect(classifyPeerHost('[::1]')).toEqual({ kind: 'invalid' });
    expect(classifyPeerHost('')).toEqual({ kind: 'invalid' });
  });

  it('the mapped form of an allowed address is allowed', () => {
    expect(list.allowsAddress('::ffff:203.0.113.1')).toBe(true);
  });
});
