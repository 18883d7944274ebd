/**
 * A port that cannot be listened on, said the way an operator fixes it (issue 8: a second server
 * on the same ports fails at start with a clear message). E_CONFIG: the exit code of a setup
 * mistake (2), not of a passing failure.
 */
import { EtxError } from '../common/errors.js';
import { type HostPort, formatHostPort } from '../common/host-port.js';

export function listenError(err: unknown, bind: HostPort, what: 'control' | 'data'): EtxError {
  const code = (err as NodeJS.ErrnoException).code;
  const where = `${what} port ${formatHostPort(bind.host, bind.port)}`;
  const why =
    code === 'EADDRINUSE'
      ? 'is in use by another process: is another etransfer server already running there? (stop it, or choose other ports)'
      : code === 'EACCES'
        ? 'needs privileges this user lacks (ports below 1024 need root or CAP_NET_BIND_SERVICE)'
        : code === 'EADDRNOTAVAIL'
          ? 'names an address this machine does not have'
          : `cannot be listened on: ${(err as Error).message}`;
  return new EtxError('E_CONFIG', `the ${where} ${why}`, { cause: err });
}
