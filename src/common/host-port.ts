/**
 * `HOST:PORT` as used by `serve --control/--data` and by advertised data addresses. IPv6
 * literals are bracketed (`[::1]:8008`); a bare port is refused so nothing binds by accident.
 */
import net from 'node:net';
import { EtxError } from './errors.js';

export interface HostPort {
  host: string;
  port: number;
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

export function isValidHost(host: string): boolean {
  return net.isIP(host) !== 0 || HOSTNAME.test(host);
}

export function parsePort(text: string, what = 'port'): number {
  if (!/^\d{1,5}$/.test(text)) throw new EtxError('E_USAGE', `invalid ${what} "${text}"`);
  const port = Number(text);
  if (port > 65535) throw new EtxError('E_USAGE', `invalid ${what} "${text}"`);
  return port;
}

export function parseHostPort(text: string, defaultPort?: number): HostPort {
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2];
    if (net.isIPv6(host) === false) throw new EtxError('E_USAGE', `invalid IPv6 address in "${text}"`);
  } else {
    const colon = text.lastIndexOf(':');
    if (colon >= 0 && text.indexOf(':') !== colon) throw new EtxError('E_USAGE', `IPv6 addresses need brackets: "[${text}]"`);
    host = colon >= 0 ? text.slice(0, colon) : text;
    portText = colon >= 0 ? text.slice(colon + 1) : undefined;
  }
  if (!isValidHost(host)) throw new EtxError('E_USAGE', `invalid host in "${text}"`);
  if (portText === undefined) {
    if (defaultPort === undefined) throw new EtxError('E_USAGE', `"${text}" needs a port (HOST:PORT)`);
    return { host, port: defaultPort };
  }
  return { host, port: parsePort(portText) };
}

export function formatHostPort(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}
