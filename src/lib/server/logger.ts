import pino from 'pino';

/**
 * Structured logs. Request logs carry method, path, status and duration only: cookies,
 * authorization headers, query strings (tokens) and bodies are never logged.
 */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
	redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token'], remove: true }
});
