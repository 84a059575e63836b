import 'server-only';
import pino, { type Logger } from 'pino';

/** The process-wide JSON logger; level from the config file, overridable with LOG_LEVEL. */
export function createLogger(level: string): Logger {
  return pino({
    level: process.env.LOG_LEVEL ?? level,
    base: { service: 'meshglass' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Credentials must never reach a log line, whatever object gets logged.
    redact: { paths: ['*.token', '*.password', '*.authorization', '*.kubeconfig', 'headers.authorization', 'headers.cookie'], censor: '[redacted]' },
  });
}

export type { Logger };
