/**
 * The one error class of etransfer. Every failure a user or a peer can see carries a stable
 * `code` (DESIGN section 6): the same string on the wire, in logs, in --json output.
 */

export const ERROR_CODES = [
  'E_ACL_DENIED',
  'E_NOT_FOUND',
  'E_EXISTS',
  'E_PATH',
  'E_AUTH',
  'E_HOST_KEY',
  'E_TICKET',
  'E_PROTOCOL',
  'E_TOO_LARGE',
  'E_TIMEOUT',
  'E_NO_SPACE',
  'E_CHECKSUM',
  'E_SOURCE_CHANGED',
  'E_BUSY',
  'E_QUOTA',
  'E_IO',
  'E_CONNECT',
  'E_USAGE',
  'E_CONFIG',
  'E_NOT_A_DIRECTORY',
  'E_IS_A_DIRECTORY',
  'E_CANCELLED',
  'E_PEER',
  'E_INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: string): value is ErrorCode {
  return KNOWN_CODES.has(value);
}

export class EtxError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EtxError';
    this.code = code;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** Maps a Node system error (errno code) to our code; the message keeps what the OS said. */
const ERRNO_TO_CODE: Readonly<Record<string, ErrorCode>> = {
  ENOENT: 'E_NOT_FOUND',
  EEXIST: 'E_EXISTS',
  ENOSPC: 'E_NO_SPACE',
  EDQUOT: 'E_QUOTA',
  EFBIG: 'E_TOO_LARGE',
  ENOTDIR: 'E_NOT_A_DIRECTORY',
  EISDIR: 'E_IS_A_DIRECTORY',
  ENAMETOOLONG: 'E_PATH',
  ELOOP: 'E_PATH',
  EACCES: 'E_IO',
  EPERM: 'E_IO',
  EIO: 'E_IO',
  EBUSY: 'E_BUSY',
  ETIMEDOUT: 'E_TIMEOUT',
  ECONNREFUSED: 'E_CONNECT',
  ECONNRESET: 'E_PEER',
  EPIPE: 'E_PEER',
};

/**
 * Turns anything thrown into an EtxError. `context` says what was being done (e.g. "writing
 * /data/x"), so the message tells the user where it failed without exposing internals.
 */
export function toEtxError(err: unknown, context?: string): EtxError {
  if (err instanceof EtxError) return err;
  const errno = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = err instanceof Error ? err.message : String(err);
  const code: ErrorCode = (errno && ERRNO_TO_CODE[errno]) || 'E_IO';
  const message = context ? `${context}: ${reason}` : reason;
  return new EtxError(code, message, { cause: err });
}

/** Errors that no retry can cure (THREATS rule 9). */
const FINAL_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'E_NO_SPACE',
  'E_ACL_DENIED',
  'E_EXISTS',
  'E_PATH',
  'E_AUTH',
  'E_HOST_KEY',
  'E_NOT_FOUND',
  'E_QUOTA',
  'E_USAGE',
  'E_CONFIG',
  'E_NOT_A_DIRECTORY',
  'E_IS_A_DIRECTORY',
  'E_CANCELLED',
]);

export function isRetryable(code: ErrorCode): boolean {
  return !FINAL_CODES.has(code);
}
