import { pino, type Logger } from "pino";

/**
 * Structured logs. Children's data never goes into a log line: request bodies are not logged and
 * the serializers keep only method, path (no query string, which may carry search text) and status.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: "lift-hub" },
    redact: { paths: ["req.headers.authorization", "*.childName", "*.child", "*.body"], remove: true },
  });
}
export type { Logger };
