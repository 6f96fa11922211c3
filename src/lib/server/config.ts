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
	MAIL_POLL_SECONDS: z.coerce.number().positive().max(3600).default(5),
	MAIL_CLAIM_SECONDS: z.coerce.number().positive().max(86400).default(300),
	REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(7),
	VAPID_SUBJECT: z.string().optional(),
	SEED_DEMO: z.enum(['true', 'false']).optional(),
	AUTH_SECRET: z.string().min(32).optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
	MEDIA_MAX_MB: z.coerce.number().positive().max(100).default(12),
	MEDIA_MAX_MEGAPIXELS: z.coerce.number().positive().max(500).default(50),
	IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(100000).default(10000),
	S3_BUCKET: z.string().optional(),
	S3_ENDPOINT: z.url().optional(),
	S3_REGION: z.string().default('us-east-1'),
	S3_ACCESS_KEY_ID: z.string().optional(),
	S3_SECRET_ACCESS_KEY: z.string().optional(),
	S3_PUBLIC_URL: z.url().optional(),
	WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
	WEBHOOK_BACKOFF_SECONDS: z
		.string()
		.regex(/^\d+(,\d+)*$/, 'a comma-separated list of seconds')
		.default('60,300,1800,7200,21600,43200,86400')
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
	/** How often each node's mailer, reminder and push loops look for work. */
	mailPollMs: number;
	/**
	 * How long a node's claim on an email (or a push) lasts: after that, another node (or this one
	 * after a restart) takes it again. Longer than any SMTP exchange; 5 minutes by default.
	 */
	mailClaimSeconds: number;
	/** From this hour (territory time), customers get the reminder of the day's pickup. */
	reminderHour: number;
	/** The contact the push services see in our VAPID token (`mailto:` or `https:`). */
	vapidSubject: string;
	/** Seed the demo territory when the database is empty. Default: on in embedded mode only. */
	seedDemo: boolean;
	authSecret: string | undefined;
	logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
	dbPoolSize: number;
	/** Largest accepted image upload, in bytes. */
	mediaMaxBytes: number;
	/** Largest accepted image, in pixels (width × height): guards against decompression bombs. */
	mediaMaxPixels: number;
	/** Most rows accepted in one catalogue import. */
	importMaxRows: number;
	/** Webhooks may target private, loopback and link-local addresses (tests, a receiver on the same network). */
	webhookAllowPrivate: boolean;
	/** Waits before each retry of a failed webhook delivery, in seconds; one try more than waits. */
	webhookBackoffSeconds: number[];
	/** S3-compatible storage for images, when `S3_BUCKET` is set; otherwise `<DATA_DIR>/media`. */
	s3:
		| {
				bucket: string;
				endpoint?: string;
				region: string;
				accessKeyId?: string;
				secretAccessKey?: string;
				publicUrl?: string;
		  }
		| undefined;
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
		mailPollMs: Math.round(e.MAIL_POLL_SECONDS * 1000),
		mailClaimSeconds: e.MAIL_CLAIM_SECONDS,
		reminderHour: e.REMINDER_HOUR,
		vapidSubject: e.VAPID_SUBJECT || `mailto:${mailAddress(e.MAIL_FROM)}`,
		seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : !e.DATABASE_URL,
		authSecret: e.AUTH_SECRET,
		logLevel: e.LOG_LEVEL,
		dbPoolSize: e.DB_POOL_SIZE,
		mediaMaxBytes: Math.round(e.MEDIA_MAX_MB * 1024 * 1024),
		mediaMaxPixels: Math.round(e.MEDIA_MAX_MEGAPIXELS * 1_000_000),
		importMaxRows: e.IMPORT_MAX_ROWS,
		webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE === 'true',
		webhookBackoffSeconds: e.WEBHOOK_BACKOFF_SECONDS.split(',').map(Number),
		s3: e.S3_BUCKET
			? {
					bucket: e.S3_BUCKET,
					endpoint: e.S3_ENDPOINT || undefined,
					region: e.S3_REGION,
					accessKeyId: e.S3_ACCESS_KEY_ID || undefined,
					secretAccessKey: e.S3_SECRET_ACCESS_KEY || undefined,
					publicUrl: e.S3_PUBLIC_URL || undefined
				}
			: undefined
	};
}

/** The bare address of a `Name <address>` sender. */
export const mailAddress = (from: string) => from.match(/<([^>]+)>/)?.[1] ?? from.trim();

let cached: Config | undefined;
export function config(): Config {
	cached ??= readConfig();
	return cached;
}
