/**
 * Command-line endpoints (DESIGN section 2): where a copy reads from or writes to.
 *
 * - etc form  `[user@]host[#port]:/abs/path`, IPv6 bracketed (`[::1]:/x`, `[::1]#4004:/x`).
 *   The path is kept verbatim: no percent decoding, no normalisation; the server validates it.
 * - URI form  `et://[user@]host[:port]/abs/path` (IPv6 `et://[::1]:4004/x`). The path is
 *   percent-decoded exactly once, here in the client (THREATS P5): `%2e%2e` becomes `..`, which the
 *   server then refuses with E_PATH; `%252e` becomes the literal `%2e`. The server never decodes.
 * - Anything else is a local path, kept verbatim (including the throughput specials
 *   `/dev/zero:SIZE` and `/dev/null`; the caller interprets them).
 *
 * How the etc form is told apart from a local path (like scp): find the first ':' outside
 * brackets. If a '/' comes before it, or the text right after it does not start with '/', the text
 * is a local path (`/tmp/a:b`, `./x:/y`, `a/b:/c`, `C:\x`, `host:relative`). Otherwise it is meant
 * as a remote endpoint and its `[user@]host[#port]` part must be valid, else E_USAGE (`:/x`,
 * `h#0x10:/x`, `bad host:/x`). A local file whose name has such a colon is reached as `./name:/x`.
 * Only that first colon splits, so `host:/dev/zero:10GiB` has the path `/dev/zero:10GiB`.
 */
import net from 'node:net';
import { EtxError } from './errors.js';
import { formatHostPort, isValidHost, parsePort } from './host-port.js';

export const DEFAULT_CONTROL_PORT = 4004;

export type Endpoint =
  | { kind: 'remote'; user: string | undefined; host: string; port: number; path: string }
  | { kind: 'local'; path: string };

const USER = /^[A-Za-z0-9._-]{1,64}$/;
const URI_SCHEME = /^et:\/\//i;

function usage(message: string): EtxError {
  return new EtxError('E_USAGE', message);
}

function checkUser(user: string, text: string): string {
  if (!USER.test(user)) throw usage(`invalid user name "${user}" in "${text}" (allowed: A-Z a-z 0-9 . _ -, 1 to 64)`);
  return user;
}

function checkPort(portText: string, text: string): number {
  const port = parsePort(portText, `port in "${text}"`);
  if (port === 0) throw usage(`invalid port in "${text}": 0`);
  return port;
}

/** A host as written: `[v6]` (bracket content must be IPv6) or a name / IPv4 address. */
function checkHost(host: string, bracketed: boolean, text: string): string {
  if (host === '') throw usage(`missing host in "${text}"`);
  if (bracketed ? !net.isIPv6(host) : net.isIPv6(host) || !isValidHost(host)) {
    throw usage(`invalid host "${host}" in "${text}"`);
  }
  return host;
}

/** Index of the first ':' outside `[...]`, or -1 when a '/' comes first or there is none. */
function hostColon(text: string): number {
  let inBracket = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/') return -1;
    if (c === '[') inBracket = true;
    else if (c === ']') inBracket = false;
    else if (c === ':' && !inBracket) return i;
  }
  return -1;
}

function parseEtc(text: string, colon: number, defaultPort: number): Endpoint {
  const left = text.slice(0, colon);
  const path = text.slice(colon + 1);
  const at = left.indexOf('@');
  const user = at >= 0 ? checkUser(left.slice(0, at), text) : undefined;
  const hostPart = at >= 0 ? left.slice(at + 1) : left;
  let host: string;
  let portText: string | undefined;
  if (hostPart.startsWith('[')) {
    const m = /^\[([^\]]*)\](?:#(.*))?$/s.exec(hostPart);
    if (!m) throw usage(`invalid host "${hostPart}" in "${text}"`);
    host = checkHost(m[1] ?? '', true, text);
    portText = m[2];
  } else {
    const hash = hostPart.indexOf('#');
    host = checkHost(hash >= 0 ? hostPart.slice(0, hash) : hostPart, false, text);
    portText = hash >= 0 ? hostPart.slice(hash + 1) : undefined;
  }
  const port = portText === undefined ? defaultPort : checkPort(portText, text);
  return { kind: 'remote', user, host, port, path };
}

/** Decodes %XX escapes exactly once; a malformed escape or invalid UTF-8 is E_USAGE. */
function percentDecode(raw: string, text: string): string {
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) throw usage(`invalid percent escape in "${text}"`);
  try {
    return decodeURIComponent(raw);
  } catch {
    throw usage(`invalid percent escape (not UTF-8) in "${text}"`);
  }
}

function parseUri(text: string, defaultPort: number): Endpoint {
  const rest = text.slice('et://'.length);
  if (/[?#]/.test(rest)) throw usage(`query strings and fragments are not allowed in "${text}" (encode '?' as %3F, '#' as %23)`);
  const slash = rest.indexOf('/');
  const authority = slash >= 0 ? rest.slice(0, slash) : rest;
  const rawPath = slash >= 0 ? rest.slice(slash) : '/';
  const at = authority.indexOf('@');
  const user = at >= 0 ? checkUser(authority.slice(0, at), text) : undefined;
  const hostPart = at >= 0 ? authority.slice(at + 1) : authority;
  let host: string;
  let portText: string | undefined;
  if (hostPart.startsWith('[')) {
    const m = /^\[([^\]]*)\](?::(.*))?$/s.exec(hostPart);
    if (!m) throw usage(`invalid host "${hostPart}" in "${text}"`);
    // RFC 6874: a zone id is written `%25zone` inside the brackets of a URI.
    host = checkHost((m[1] ?? '').replace('%25', '%'), true, text);
    portText = m[2];
  } else {
    const colon = hostPart.indexOf(':');
    host = checkHost(colon >= 0 ? hostPart.slice(0, colon) : hostPart, false, text);
    portText = colon >= 0 ? hostPart.slice(colon + 1) : undefined;
  }
  const port = portText === undefined ? defaultPort : checkPort(portText, text);
  return { kind: 'remote', user, host, port, path: percentDecode(rawPath, text) };
}

export function parseEndpoint(text: string, defaultPort = DEFAULT_CONTROL_PORT): Endpoint {
  if (typeof text !== 'string' || text === '') throw usage('empty endpoint');
  if (URI_SCHEME.test(text)) return parseUri(text, defaultPort);
  const colon = hostColon(text);
  // `host:relative` (nothing or no '/' after the colon) is a local path, as scp-like tools would
  // otherwise read it as a remote path relative to a home directory, which etransfer has not.
  if (colon < 0 || text[colon + 1] !== '/') return { kind: 'local', path: text };
  return parseEtc(text, colon, defaultPort);
}

/** The etc form `[user@]host[#port]:/path` (port omitted when default); a local path as is. */
export function formatEndpoint(ep: Endpoint): string {
  if (ep.kind === 'local') return ep.path;
  const host = net.isIPv6(ep.host) ? `[${ep.host}]` : ep.host;
  const user = ep.user === undefined ? '' : `${ep.user}@`;
  const port = ep.port === DEFAULT_CONTROL_PORT ? '' : `#${ep.port}`;
  return `${user}${host}${port}:${ep.path}`;
}

/** `host:port` (IPv6 bracketed) for messages and dialling. */
export function describeServer(ep: { host: string; port: number }): string {
  return formatHostPort(ep.host, ep.port);
}
