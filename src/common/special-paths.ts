/**
 * Throughput-test endpoints (DESIGN section 2, THREATS G6): the source `/dev/zero:SIZE` and the
 * sink `/dev/null`. They get no free pass: the ACL judges them as the paths `/dev/zero` (read) and
 * `/dev/null` (write). Only the exact `/dev/zero:` prefix is special, so `/dev/sda:1GiB` stays a
 * plain (odd) file name and can never become a sized read of a device.
 */

import { parseSize } from './units.js';

export const NULL_SINK = '/dev/null';
export const ZERO_SOURCE = '/dev/zero';

const ZERO_PREFIX = `${ZERO_SOURCE}:`;

/** The size of a `/dev/zero:SIZE` source; undefined for any other path. A bad SIZE throws E_USAGE. */
export function parseZeroSource(path: string): number | undefined {
  if (typeof path !== 'string' || !path.startsWith(ZERO_PREFIX)) return undefined;
  return parseSize(path.slice(ZERO_PREFIX.length));
}

export function isNullSink(path: string): boolean {
  return path === NULL_SINK;
}

/** The path the ACL judges: `/dev/zero` for a zero source, the path itself otherwise. */
export function aclPathOf(path: string): string {
  return parseZeroSource(path) === undefined ? path : ZERO_SOURCE;
}
