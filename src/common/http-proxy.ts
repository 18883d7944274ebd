/**
 * Dialing through an HTTP proxy with CONNECT (DESIGN section 5: `--proxy URL`, `HTTPS_PROXY`).
 * Three parts: the proxy URL (parsed and redacted: a proxy password never reaches an error or a
 * log), which proxy the environment picks for a target (curl's rules, NO_PROXY included), and the
 * CONNECT exchange itself, which hands back a raw tunnel socket for the caller's own handshake (TLS,
 * the data-port ticket proof, a WebSocket upgrade).
 *
 * Only `http://` proxies: the CONNECT request, and the credentials in it, cross the network to the
 * proxy in clear text. What goes through the tunnel is the caller's business (TLS if configured).
 */
import net from 'node:net';
import { EtxError } from './errors.js';

/** The answer head of a proxy may not exceed this: past it the proxy is broken or hostile. */
export const MAX_PROXY_RESPONSE_HEAD_BYTES = 16 * 1024;

const DEFAULT_PROXY_PORT = 80;

/**
 * A parsed proxy URL. The password lives in a private field: neither JSON.stringify, a logger
 * nor util.inspect of this object shows it; `toString()` and `toJSON()` give the redacted URL.
 */
export class ProxyConfig {
  readonly #password: string | undefined;

  constructor(
    /** Host name or IP literal, without brackets. */
    readonly host: string,
    readonly port: number,
    /** Percent-decoded; undefined when the URL has no user info. */
    readonly username?: string,
    password?: string,
  ) {
    this.#password = password;
  }

  /** The URL with the password as `***`, for messages and logs, always with an explicit port. */
  get display(): string {
    const host = net.isIPv6(this.host) ? `[${this.host}]` : this.host;
    if (this.username === undefined) return `http://${host}:${this.port}`;
    const user = encodeURIComponent(this.username);
    return `http://${user}${this.#password ? ':***' : ''}@${host}:${this.port}`;
  }

  /** The `Proxy-Authorization` value (RFC 7617 Basic), or undefined when there are no credentials. */
  authorization(): string | undefined {
    if (this.username === undefined) return undefined;
    return `Basic ${Buffer.from(`${this.username}:${this.#password ?? ''}`, 'utf8').toString('base64')}`;
  }

  toString(): string {
    return this.display;
  }

  toJSON(): string {
    return this.display;
  }
}

/**
 * The URL with any password replaced by `***`, for messages about URLs that may not even parse.
 * The user info is taken to end at the LAST `@` (as URL parsers do), so a password holding `@`,
 * `/` or `:` is still hidden whole. Anything between `://` and that `@` past the first `:` goes.
 */
export function redactProxyUrl(url: string): string {
  const at = url.lastIndexOf('@');
  if (at < 0) return url;
  const schemeEnd = url.indexOf('://');
  const start = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
  const colon = url.indexOf(':', start);
  if (colon < 0 || colon > at) return url;
  return `${url.slice(0, colon)}:***${url.slice(at)}`;
}

function decodeUserInfo(text: string, what: string, shown: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new EtxError('E_USAGE', `${what} ${shown}: the user info is not valid percent-encoding (UTF-8)`);
  }
}

/**
 * Parses `http://[user[:password]@]host[:port][/]` (port 80 by default; user and password
 * percent-decoded). Without a scheme (`proxy.example:3128`) it is read as http://, as curl does,
 * because HTTPS_PROXY is often written that way. `what` names where the URL came from (the
 * option or the environment variable) in error messages, which show the URL redacted.
 * Errors are E_USAGE: the value the user gave is wrong, and no retry can cure it.
 */
export function parseProxyUrl(url: string, what = '--proxy'): ProxyConfig {
  const shown = JSON.stringify(redactProxyUrl(url));
  const bad = (why: string): EtxError => new EtxError('E_USAGE', `${what} ${shown}: ${why}`);
  // The WHATWG parser silently drops tabs and newlines and trims spaces: refuse them instead.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\s\x00-\x1f\x7f]/.test(url)) throw bad('white space or control characters in the URL');
  if (url === '') throw bad('empty proxy URL');
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) ? url : `http://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    // No `cause`: the TypeError's `input` holds the URL, password and all.
    throw bad('not a valid URL (expected http://[user[:password]@]host[:port])');
  }
  if (parsed.protocol === 'https:') {
    throw bad(
      'only http:// proxies are supported (the CONNECT request goes to the proxy unencrypted; the tunnel carries TLS if configured)',
    );
  }
  if (parsed.protocol !== 'http:') throw bad(`the scheme ${parsed.protocol.slice(0, -1)}: is not supported, only http://`);
  if (parsed.hostname === '') throw bad('no proxy host');
  if (parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '') throw bad('a proxy URL has no path, query or fragment');
  const host = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname;
  const port = parsed.port === '' ? DEFAULT_PROXY_PORT : Number(parsed.port);
  if (port === 0) throw bad('port 0 is not a proxy port');
  // `http://@host` has empty user info: no credentials, as if there were no `@`.
  const hasUserInfo = parsed.username !== '' || parsed.password !== '';
  if (!hasUserInfo) return new ProxyConfig(host, port);
  const username = decodeUserInfo(parsed.username, what, shown);
  const password = decodeUserInfo(parsed.password, what, shown);
  // RFC 7617: the user-id of Basic authentication cannot hold a colon (it separates the password).
  if (username.includes(':')) throw bad('the proxy user name cannot contain ":" (Basic authentication)');
  return new ProxyConfig(host, port, username, password);
}

/** The first variable of `names` set to a non-empty value, with its name. */
function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return { name, value: value.trim() };
  }
  return undefined;
}

/** Lowercased, brackets, an IPv6 zone and one trailing dot removed: how hosts are compared. */
function normalizeHost(host: string): string {
  let h = host.toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  const zone = h.indexOf('%');
  if (zone >= 0 && net.isIPv6(h)) h = h.slice(0, zone);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/** One NO_PROXY entry, split into what it matches and the port it is restricted to (if any). */
function parseNoProxyEntry(entry: string): { host: string; prefix?: number; port?: number } | undefined {
  let text = entry;
  let port: number | undefined;
  // `[v6]`, `[v6]:port`, `[v6]/len`, `[v6/len]`; otherwise one colon is `host:port` (IPv6 has several).
  const bracketed = /^\[([^\]]+)\](\/\d{1,3})?(?::(\d{1,5}))?$/.exec(text);
  if (bracketed) {
    text = bracketed[1]! + (bracketed[2] ?? '');
    if (bracketed[3] !== undefined) port = Number(bracketed[3]);
  } else if (text.indexOf(':') >= 0 && text.indexOf(':') === text.lastIndexOf(':')) {
    const portText = text.slice(text.indexOf(':') + 1);
    if (!/^\d{1,5}$/.test(portText)) return undefined;
    port = Number(portText);
    text = text.slice(0, text.indexOf(':'));
  }
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const prefixText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    return { host: text.slice(0, slash), prefix: Number(prefixText), ...(port !== undefined ? { port } : {}) };
  }
  return { host: text, ...(port !== undefined ? { port } : {}) };
}

/** Whether the IP literal `ip` is inside `network/prefix` (unparsable CIDRs match nothing). */
function inCidr(ip: string, network: string, prefix: number): boolean {
  const family = net.isIP(network);
  if (family === 0) return false;
  const list = new net.BlockList();
  try {
    list.addSubnet(network, prefix, family === 4 ? 'ipv4' : 'ipv6');
  } catch {
    return false;
  }
  // BlockList also judges an IPv4-mapped IPv6 target (::ffff:10.1.2.3) against an IPv4 network.
  return list.check(ip, net.isIP(ip) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Whether NO_PROXY (`noProxy`) exempts `host:port`, as curl reads it: entries separated by commas
 * or spaces; `*` matches every host; a host name matches itself and its subdomains (`example.org`
 * and `.example.org` both match `example.org` and `a.example.org`, not `badexample.org`),
 * case-insensitively; an IP address matches only that address; `addr/len` (CIDR, IPv4 or IPv6)
 * matches IP targets inside it; `entry:port` (`[v6]:port` for IPv6) only that port. Entries that
 * do not parse are ignored, as curl does. Names are never resolved: `localhost` does not exempt
 * 127.0.0.1. Loopback is NOT exempt by default (unlike some tools): tests proxy 127.0.0.1.
 */
export function noProxyMatches(noProxy: string, host: string, port: number): boolean {
  const target = normalizeHost(host);
  const targetIsIp = net.isIP(target) !== 0;
  for (const raw of noProxy.split(/[\s,]+/)) {
    if (raw === '') continue;
    if (raw === '*') return true;
    const entry = parseNoProxyEntry(raw.toLowerCase());
    if (!entry || (entry.port !== undefined && entry.port !== port)) continue;
    if (entry.prefix !== undefined) {
      if (targetIsIp && inCidr(target, entry.host, entry.prefix)) return true;
      continue;
    }
    // `.example.org` and `*.example.org` (as Go reads it) mean the same as `example.org`.
    const name = normalizeHost(entry.host.replace(/^\*?\./, ''));
    if (name === '') continue;
    if (net.isIP(name) !== 0 || targetIsIp) {
      // Addresses compare as addresses (`::1` equals `0:0:0:0:0:0:0:1`), never as suffixes.
      if (targetIsIp && inCidr(target, name, net.isIP(name) === 4 ? 32 : 128)) return true;
      continue;
    }
    if (target === name || target.endsWith(`.${name}`)) return true;
  }
  return false;
}

/**
 * The proxy the environment gives for a CONNECT to `targetHost:targetPort`, or undefined to go
 * direct. As curl does for an https:// URL: `https_proxy`, then `HTTPS_PROXY`, then `all_proxy`,
 * then `ALL_PROXY` (lowercase first; an empty value counts as unset), unless `no_proxy` (else
 * `NO_PROXY`) exempts the target (see `noProxyMatches`). HTTP_PROXY is not read: it is for plain
 * http:// requests, and its uppercase form can be set by a CGI request header ("httpoxy").
 * A variable that holds a bad URL throws E_USAGE naming the variable (redacted): silently going
 * direct when a proxy was asked for would fail later, behind the firewall, with a worse message.
 */
export function proxyFromEnvironment(env: NodeJS.ProcessEnv, targetHost: string, targetPort: number): ProxyConfig | undefined {
  const proxy = firstSet(env, ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY']);
  if (!proxy) return undefined;
  const noProxy = firstSet(env, ['no_proxy', 'NO_PROXY']);
  if (noProxy && noProxyMatches(noProxy.value, targetHost, targetPort)) return undefined;
  return parseProxyUrl(proxy.value, proxy.name);
}

/** Which proxy (if any) a connection to `host:port` goes through: chosen once per dial. */
export type ProxyChooser = (host: string, port: number) => ProxyConfig | undefined;

/**
 * `--proxy URL` (every dial through it), else the environment's HTTPS_PROXY / ALL_PROXY with
 * NO_PROXY (the client only: a server uses `--proxy` alone, so a daemon's inherited environment
 * cannot reroute its data), else none.
 */
export function chooseProxy(explicit: ProxyConfig | undefined, env: NodeJS.ProcessEnv | undefined): ProxyChooser | undefined {
  if (explicit) return () => explicit;
  if (!env) return undefined;
  return (host, port) => proxyFromEnvironment(env, host, port);
}

export interface ProxyConnectOptions {
  /** One absolute deadline for connecting to the proxy and reading its whole answer. */
  timeoutMs: number;
  /** Aborting destroys the socket and rejects with E_CANCELLED. */
  signal?: AbortSignal | undefined;
}

export interface ProxyTunnel {
  /**
   * The tunnel to the target, connected. None of our listeners are left on it and it is neither
   * flowing nor paused (readableFlowing === null, as a fresh socket): it buffers what arrives
   * until the caller attaches a 'data' listener, pipes it or reads it. The caller must attach an
   * 'error' listener at once (an unhandled socket error would end the process).
   */
  socket: net.Socket;
  /**
   * Bytes the target already sent, read together with the proxy's answer: they come before
   * anything the socket delivers. `socket.unshift(leftover)` puts them back in front when the
   * consumer reads the socket itself. Note tls.connect({ socket }) takes over the socket's
   * handle and would not see them; since TLS clients speak first, non-empty leftover there means
   * a broken peer.
   */
  leftover: Buffer;
}

const NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?$/;

/** `host:port` as the CONNECT request target (RFC 9110 authority-form: IPv6 in brackets). */
function authority(host: string, port: number): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  // Checked strictly: the target lands in a request line, and a peer-advertised address must
  // not smuggle a CR/LF (a second request, a forged header) into it.
  const family = net.isIP(bare);
  if (family === 0 && !NAME.test(bare)) throw new EtxError('E_USAGE', `invalid target host ${JSON.stringify(host)} for a proxy CONNECT`);
  if (bare.includes('%')) throw new EtxError('E_USAGE', `an IPv6 zone (${bare}) means nothing to a proxy`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new EtxError('E_USAGE', `invalid target port ${port} for a proxy CONNECT`);
  return family === 6 ? `[${bare}]:${port}` : `${bare}:${port}`;
}

/** A status line or reason phrase from the proxy, fit for a message: printable ASCII, bounded. */
function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 120)}...` : clean;
}

/** Where a response head ends (the index just past the blank line), or -1. Bare LF is accepted (RFC 9112 2.2). */
function headEnd(buffer: Buffer, from: number): number {
  for (let i = Math.max(from, 1); i < buffer.length; i++) {
    if (buffer[i] !== 0x0a) continue;
    if (buffer[i - 1] === 0x0a) return i + 1;
    if (buffer[i - 1] === 0x0d && i >= 2 && buffer[i - 2] === 0x0a) return i + 1;
  }
  return -1;
}

/**
 * Judges the proxy's answer head. 2xx opens the tunnel (a Content-Length or Transfer-Encoding in
 * it is ignored, as RFC 9110 9.3.6 requires); anything else is an error naming the proxy.
 */
function checkAnswer(head: string, proxy: ProxyConfig, target: string): void {
  const statusLine = head.slice(0, head.search(/\r?\n/));
  const status = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine);
  if (!status) throw new EtxError('E_PROTOCOL', `the proxy ${proxy.display} did not answer HTTP: ${JSON.stringify(printable(statusLine))}`);
  const code = Number(status[1]);
  if (code >= 200 && code <= 299) return;
  if (code === 407) {
    const why = proxy.username === undefined ? 'requires authentication (give user:password in the proxy URL)' : 'rejected the credentials';
    throw new EtxError('E_CONNECT', `the proxy ${proxy.display} ${why}: ${printable(statusLine)}`);
  }
  throw new EtxError('E_CONNECT', `the proxy ${proxy.display} refused CONNECT ${target}: ${printable(statusLine)}`);
}

/**
 * Opens a tunnel to `targetHost:targetPort` through `proxy` with an HTTP/1.1 CONNECT. Resolves
 * once the proxy answered 2xx (see ProxyTunnel for the socket's state). Rejects with E_CONNECT
 * (proxy unreachable, closed early, refused: 407 says authentication), E_TIMEOUT (the deadline,
 * absolute: a proxy trickling bytes does not extend it), E_PROTOCOL (not HTTP, or a head past
 * MAX_PROXY_RESPONSE_HEAD_BYTES), E_CANCELLED (the signal), E_USAGE (a target host that cannot be
 * written in a request line). On any failure the socket is destroyed. Messages name the proxy
 * redacted, never its password.
 */
export function connectThroughProxy(
  proxy: ProxyConfig,
  targetHost: string,
  targetPort: number,
  options: ProxyConnectOptions,
): Promise<ProxyTunnel> {
  let target: string;
  try {
    target = authority(targetHost, targetPort);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal } = options;
  const cancelled = (): EtxError => new EtxError('E_CANCELLED', `connecting through the proxy ${proxy.display} was cancelled`);
  if (signal?.aborted) return Promise.reject(cancelled());

  return new Promise<ProxyTunnel>((resolve, reject) => {
    const socket = net.connect({ host: proxy.host, port: proxy.port });
    let received = Buffer.alloc(0);
    let settled = false;

    const detach = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('connect', onConnect);
      socket.off('readable', onReadable);
      socket.off('end', onEnd);
      socket.off('error', onError);
      socket.off('close', onEnd);
    };
    const fail = (err: EtxError): void => {
      if (settled) return;
      settled = true;
      detach();
      socket.destroy();
      reject(err);
    };
    let connected = false;
    const onConnect = (): void => {
      connected = true;
      const auth = proxy.authorization();
      socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`);
    };
    // 'readable' and read() rather than 'data': once the listener is gone, the socket returns to
    // the untouched state (neither flowing nor paused), so any consumer can take it from there.
    const onReadable = (): void => {
      let chunk: Buffer | null;
      // biome-ignore lint/suspicious/noAssignInExpressions: the usual read() loop
      while (!settled && (chunk = socket.read() as Buffer | null) !== null) {
        const searchFrom = Math.max(0, received.length - 3);
        received = Buffer.concat([received, chunk]);
        const end = headEnd(received, searchFrom);
        if (end < 0) {
          if (received.length > MAX_PROXY_RESPONSE_HEAD_BYTES) {
            fail(new EtxError('E_PROTOCOL', `the proxy ${proxy.display} sent an answer head over ${MAX_PROXY_RESPONSE_HEAD_BYTES} bytes`));
          }
          continue;
        }
        if (end > MAX_PROXY_RESPONSE_HEAD_BYTES) {
          fail(new EtxError('E_PROTOCOL', `the proxy ${proxy.display} sent an answer head over ${MAX_PROXY_RESPONSE_HEAD_BYTES} bytes`));
          return;
        }
        try {
          checkAnswer(received.subarray(0, end).toString('latin1'), proxy, target);
        } catch (err) {
          fail(err as EtxError);
          return;
        }
        settled = true;
        detach();
        // A copy: `received` may be a pooled slab, and the caller keeps this for a while.
        resolve({ socket, leftover: Buffer.from(received.subarray(end)) });
        return;
      }
    };
    const onEnd = (): void => {
      const what = received.length === 0 ? 'before answering' : 'in the middle of its answer';
      fail(new EtxError('E_CONNECT', `the proxy ${proxy.display} closed the connection ${what} to CONNECT ${target}`));
    };
    const onError = (err: NodeJS.ErrnoException): void => {
      const reason = err.code ?? printable(err.message);
      const what = connected
        ? `the connection to the proxy ${proxy.display} failed before the tunnel opened`
        : `cannot reach the proxy ${proxy.display}`;
      fail(new EtxError('E_CONNECT', `${what} (${reason})`));
    };
    const onAbort = (): void => fail(cancelled());
    const timer = setTimeout(
      () => fail(new EtxError('E_TIMEOUT', `the proxy ${proxy.display} did not open a tunnel to ${target} within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );

    socket.once('connect', onConnect);
    socket.on('readable', onReadable);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    socket.on('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
