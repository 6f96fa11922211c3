import { z } from 'zod';
import { resolve } from 'node:path';

/**
 * Runtime settings, read once from the environment.
 * A plain module (not `$app/env`) so the CLI commands (migrate, seed, setup) and the tests
 * read exactly the same settings as the server.
 */
const EnvSchema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	ORIGIN: z.url().optional(),
	DATA_DIR: z.string().default('./data'),
	DATABASE_URL: z.string().optional(),
	SMTP_URL: z.string().optional(),
	MAIL_FROM: z.string().default('Échoppe <no-reply@echoppe.localhost>'),
	SEED_DEMO: z.enum(['true', 'false']).optional(),
	AUTH_SECRET: z.string().min(32).optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20)
});

export type Config = {
	port: number;
	host: string;
	/** The public URL of the app: CSRF checks, auth callbacks and links in emails use it. */
	origin: string;
	dataDir: string;
	databaseUrl: string | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	/** Seed the demo territory when the database is empty. Default: on in embedded mode only. */
	seedDemo: boolean;
	authSecret: string | undefined;
	logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
	dbPoolSize: number;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const parsed = EnvSchema.safeParse(env);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid environment settings:\n${lines.join('\n')}`);
	}
	const e = parsed.data;
	return {
		port: e.PORT,
		host: e.HOST,
		origin: (e.ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
		dataDir: resolve(e.DATA_DIR),
		databaseUrl: e.DATABASE_URL || undefined,
		smtpUrl: e.SMTP_URL || undefined,
		mailFrom: e.MAIL_FROM,
		seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : !e.DATABASE_URL,
		authSecret: e.AUTH_SECRET,
		logLevel: e.LOG_LEVEL,
		dbPoolSize: e.DB_POOL_SIZE
	};
}

let cached: Config | undefined;
export function config(): Config {
	cached ??= readConfig();
	return cached;
}
