/** The server's structured log: pino, JSON lines on stderr, level from --log-level. */
import { pino } from 'pino';

export type Logger = pino.Logger;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(level: LogLevel, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { service: 'etransfer' },
      // Tickets and keys must never reach a log line, even from a careless call site.
      redact: { paths: ['ticket', '*.ticket', 'key', '*.key', 'privateKey'], censor: '[redacted]' },
    },
    destination as pino.DestinationStream,
  );
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
