/**
 * `serve --allow-peer CIDR|HOST`: which addresses a server may dial at all (THREATS S1-S4).
 * Pure: parsing and membership only. Resolving a host name and connecting are the dialer's
 * business (src/transfer/data-connection.ts), which must judge the very IP it then connects to.
 *
 * Only canonical dotted-quad IPv4 and valid IPv6 literals (`net.isIP`) count as addresses.
 * Legacy spellings (`127.1`, `0x7f.1`, `2130706433`, `017700000001`, `012.0.0.1`) are what
 * inet_aton and getaddrinfo quietly turn into loopback, so they are never addresses here: an entry
 * spelled that way is a configuration error and a target spelled that way is refused. An
 * IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) reaches the IPv4 host, so it is judged as that.
 */
import net from 'node:net';
import { EtxError } from './errors.js';

/** An address as bytes: 4 for IPv4, 16 for IPv6. */
type AddressBytes = Uint8Array;

interface Network {
  /** With every bit past the prefix clear. */
  bytes: AddressBytes;
  prefix: number;
}

/** What a dial target's host is, for the allowlist. */
export type PeerHost =
  /** An address literal; `address` is how it is judged (a mapped IPv6 address as its IPv4 form, no zone). */
  | { kind: 'ip'; address: string }
  /** A DNS name, lowercased, one trailing dot removed: resolve it, then judge what it resolves to. */
  | { kind: 'name'; name: string }
  /** Neither: a legacy numeric IPv4 spelling or not a valid name. Never dialed under an allowlist. */
  | { kind: 'invalid' };

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DNS_NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);
/** A last label like these makes inet_aton (and a WHATWG URL parser) read the whole host as IPv4. */
const NUMERIC_LABEL = /^(?:\d+|0x[0-9a-f]*)$/;

/** Drops an IPv6 zone (`fe80::1%eth0`): the zone picks an interface, not a host. */
function withoutZone(address: string): string {
  const percent = address.indexOf('%');
  return percent < 0 ? address : address.slice(0, percent);
}

/** The bytes of a literal `net.isIP` accepts, or undefined for anything else. */
function addressBytes(literal: string): AddressBytes | undefined {
  const family = net.isIP(literal);
  if (family === 4) return Uint8Array.from(literal.split('.'), Number);
  if (family !== 6) return undefined;
  let text = withoutZone(literal).toLowerCase();
  // A dotted-quad tail (`::ffff:1.2.3.4`) is two 16-bit groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const groupsOf = (part: string | undefined): string[] => (part ? part.split(':') : []);
  const left = groupsOf(head);
  const right = groupsOf(tail);
  const groups = tail === undefined ? left : [...left, ...new Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = Number.parseInt(group, 16);
    bytes[2 * i] = value >> 8;
    bytes[2 * i + 1] = value & 0xff;
  });
  return bytes;
}

/** `::ffff:a.b.c.d` as the IPv4 bytes it reaches; anything else unchanged. */
function unmapped(bytes: AddressBytes): AddressBytes {
  if (bytes.length !== 16 || bytes[10] !== 0xff || bytes[11] !== 0xff || bytes.subarray(0, 10).some((b) => b !== 0)) return bytes;
  return bytes.slice(12);
}

function formatBytes(bytes: AddressBytes): string {
  if (bytes.length === 4) return bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  // RFC 5952: the longest run of two or more zero groups becomes `::`.
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = (from: number, to: number): string =>
    groups
      .slice(from, to)
      .map((g) => g.toString(16))
      .join(':');
  return best.start < 0 ? hex(0, 8) : `${hex(0, best.start)}::${hex(best.start + best.length, 8)}`;
}

/** `bytes` with every bit past `prefix` cleared. */
function masked(bytes: AddressBytes, prefix: number): AddressBytes {
  return bytes.map((b, i) => {
    const bits = Math.min(Math.max(prefix - i * 8, 0), 8);
    return b & ((0xff << (8 - bits)) & 0xff);
  });
}

function contains(network: Network, bytes: AddressBytes): boolean {
  return network.bytes.length === bytes.length && masked(bytes, network.prefix).every((b, i) => b === network.bytes[i]);
}

/** True when the name's last label is numeric: not a DNS name but IPv4 in a legacy spelling. */
function endsInNumber(name: string): boolean {
  return NUMERIC_LABEL.test(name.slice(name.lastIndexOf('.') + 1));
}

/** Lowercased, one trailing dot removed: how host names are compared. */
function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * Classifies a dial target's host (as parsed from `HOST:PORT`, brackets removed). Whatever is not
 * an address literal is a name to resolve, unless it reads as a legacy IPv4 spelling.
 */
export function classifyPeerHost(host: string): PeerHost {
  const bytes = addressBytes(host);
  if (bytes) return { kind: 'ip', address: formatBytes(unmapped(bytes)) };
  const name = normalizeName(host);
  if (!DNS_NAME.test(name) || endsInNumber(name)) return { kind: 'invalid' };
  return { kind: 'name', name };
}

function parseNetwork(entry: string, addressText: string, prefixText: string | undefined, option: string): Network {
  const bad = (why: string): EtxError => new EtxError('E_CONFIG', `${option} ${entry}: ${why}`);
  if (addressText.includes('%')) throw bad('an IPv6 zone (%...) names an interface, not peers; leave it out');
  const parsed = addressBytes(addressText);
  if (!parsed) throw bad(`not a CIDR (a.b.c.d/n, x:y::/n): "${addressText}" is not an IPv4 (a.b.c.d) or IPv6 address`);
  const width = parsed.length * 8;
  let prefix = width;
  if (prefixText !== undefined) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > width) {
      throw bad(`the prefix length must be a whole number from 0 to ${width}`);
    }
    prefix = Number(prefixText);
  }
  // Mapped IPv6 targets are judged as IPv4, so a mapped network is an IPv4 one too.
  const v4 = unmapped(parsed);
  const network: Network = v4 !== parsed && prefix >= 96 ? { bytes: v4, prefix: prefix - 96 } : { bytes: parsed, prefix };
  // `10.1.2.3/8` is most likely a slip: name the network it would mean rather than guess.
  const clean = masked(network.bytes, network.prefix);
  if (clean.some((b, i) => b !== network.bytes[i])) throw bad(`host bits are set; the network is ${formatBytes(clean)}/${network.prefix}`);
  return network;
}

/** The parsed `--allow-peer` entries: networks (a single address is a /32 or /128) and host names. */
export class PeerAllowlist {
  private constructor(
    private readonly networks: readonly Network[],
    private readonly names: ReadonlySet<string>,
    /** The entries as given, for logs. */
    readonly entries: readonly string[],
  ) {}

  /**
   * Parses `--allow-peer` values: `203.0.113.0/24`, `2001:db8::/32`, `192.0.2.7`, `[2001:db8::7]`,
   * `peer.example.org`. A bad entry is E_CONFIG: the server must not start with a list it misread.
   */
  static parse(entries: readonly string[], option = '--allow-peer'): PeerAllowlist {
    const networks: Network[] = [];
    const names = new Set<string>();
    for (const raw of entries) {
      const entry = raw.trim();
      if (entry === '') throw new EtxError('E_CONFIG', `${option} needs a CIDR, an address or a host name, not an empty value`);
      const literal = /^(?:\[([^\]]*)\]|([^[\]/]*))(?:\/(.*))?$/.exec(entry);
      const addressText = literal?.[1] ?? literal?.[2];
      if (literal && addressText !== undefined && (entry.includes('/') || literal[1] !== undefined || net.isIP(addressText) !== 0)) {
        networks.push(parseNetwork(entry, addressText, literal[3], option));
        continue;
      }
      const name = normalizeName(entry);
      if (!DNS_NAME.test(name)) {
        throw new EtxError('E_CONFIG', `${option} ${entry}: not a CIDR (a.b.c.d/n, x:y::/n), an address or a host name`);
      }
      if (endsInNumber(name)) {
        throw new EtxError(
          'E_CONFIG',
          `${option} ${entry}: reads as an IPv4 address in a legacy spelling; write it as a.b.c.d or a.b.c.d/n`,
        );
      }
      names.add(name);
    }
    return new PeerAllowlist(networks, names, [...entries]);
  }

  /**
   * True when an address literal lies in some network of the list. Anything `net.isIP` does not
   * accept (a name, a legacy IPv4 spelling) is false: names are judged by `allowsName`.
   */
  allowsAddress(address: string): boolean {
    const bytes = addressBytes(address);
    if (!bytes) return false;
    const judged = unmapped(bytes);
    return this.networks.some((n) => contains(n, judged));
  }

  /** True when a host-name entry names this host (compared lowercased, one trailing dot removed). */
  allowsName(name: string): boolean {
    return this.names.has(normalizeName(name));
  }
}

/** The allowlist for the `--allow-peer` values, or undefined when none was given (any peer may be dialed). */
export function parseAllowPeers(entries: readonly string[] | undefined): PeerAllowlist | undefined {
  return entries && entries.length > 0 ? PeerAllowlist.parse(entries) : undefined;
}
