/**
 * The server's structured log: pino JSON lines, or (on a terminal, without --log-file) the same
 * lines made readable by pino-pretty. `--log-file FILE` appends to FILE and reopens it on
 * SIGUSR2, so logrotate can move it away (its `postrotate` sends the signal).
 */
import { pino } from 'pino';
import pretty from 'pino-pretty';

export type Logger = pino.Logger;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const OPTIONS = {
  base: { service: 'etransfer' },
  // Tickets and keys must never reach a log line, even from a careless call site.
  redact: { paths: ['ticket', '*.ticket', 'key', '*.key', 'privateKey', 'relayKey', '*.relayKey'], censor: '[redacted]' },
};

export function createLogger(level: LogLevel, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, ...OPTIONS }, destination as pino.DestinationStream);
}

export interface ServerLog {
  logger: Logger;
  /** Reopens the log file (after logrotate moved it); nothing without one. */
  reopen(): void;
}

/**
 * The log of `etransfer serve`: to `file` when given (appended, created with its folder), else to
 * stderr, pretty when `pretty` (a terminal), JSON otherwise. Written synchronously: a line logged
 * just before the process exits is never lost.
 */
export function createServerLog(level: LogLevel, options: { file?: string | undefined; pretty?: boolean }): ServerLog {
  if (options.file) {
    const destination = pino.destination({ dest: options.file, mkdir: true, sync: true });
    return { logger: pino({ level, ...OPTIONS }, destination), reopen: () => destination.reopen() };
  }
  if (options.pretty) {
    const stream = pretty({ destination: 2, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' });
    return { logger: pino({ level, ...OPTIONS }, stream), reopen: () => {} };
  }
  return { logger: createLogger(level), reopen: () => {} };
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
