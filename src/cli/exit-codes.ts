/** Exit codes are a contract with users' scripts (DESIGN section 2). */
import type { ErrorCode } from '../common/errors.js';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_CONNECT = 3;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'E_USAGE':
    case 'E_CONFIG':
      return EXIT_USAGE;
    case 'E_CONNECT':
    case 'E_AUTH':
    case 'E_HOST_KEY':
      return EXIT_CONNECT;
    default:
      return EXIT_SOME_FAILED;
  }
}
