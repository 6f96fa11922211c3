import { join } from 'node:path';
import { config, type Config } from './config.ts';
import { openDatabase, type Database, type Db } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { createAuth, type Auth, type AuthOptions } from './auth/auth.ts';
import { ensureSetting, randomSecret } from './settings.ts';
import { territoryCache } from './territories/resolve.ts';
import { eq } from 'drizzle-orm';
import { seedDemo, demoLogins, type DemoLogins } from './db/seed/index.ts';
import { user } from './db/schema/index.ts';
import { logger } from './logger.ts';
import { startMailer } from './notifications/mailer.ts';
import { startNotificationJobs } from './notifications/jobs.ts';
import { startLiveOrders, type LiveOrders } from './orders/live.ts';
import { startWebhookDispatcher } from './webhooks/dispatcher.ts';

export type AppContext = {
	config: Config;
	database: Database;
	db: Db;
	auth: Auth;
	/** Platform secret (AUTH_SECRET or generated once): signs sessions and customers' order links. */
	secret: string;
	territories: ReturnType<typeof territoryCache>;
	/** Stops the SMTP delivery loop (present when SMTP_URL is set). */
	stopMailer: (() => Promise<void>) | null;
	/** Stops the morning-reminder and web-push loops (every node runs them). */
	stopNotificationJobs: () => Promise<void>;
	/** Stops this node's webhook delivery loop. */
	stopWebhooks: () => Promise<void>;
	/** This node's feed of order changes (LISTEN/NOTIFY), for the merchants' live order board. */
	liveOrders: LiveOrders;
};

let started: Promise<AppContext> | undefined;

/** Where the embedded database lives inside DATA_DIR. */
export const pgliteDir = (cfg: Config) => join(cfg.dataDir, 'pglite');

/**
 * Opens the database, migrates it, seeds the demo when asked and builds the auth instance, once
 * per process. Called from the server's init hook, never at import time (the build imports
 * server modules to analyse routes).
 */
export function startApp(authExtras: Pick<AuthOptions, 'plugins' | 'locale' | 'territoryId'> = {}): Promise<AppContext> {
	started ??= (async () => {
		const cfg = config();
		const database = await openDatabase({
			databaseUrl: cfg.databaseUrl,
			dataDir: cfg.databaseUrl ? undefined : pgliteDir(cfg),
			poolSize: cfg.dbPoolSize
		});
		await migrate(database);
		const { db } = database;
		if (cfg.seedDemo) await seedDemo(db, { now: new Date() });
		const logins = await demoLoginsIfPresent(db);
		// With WEB_CONCURRENCY (server.js), the first process alone prints them.
		if (logins && (process.env.ECHOPPE_WORKER ?? '0') === '0') printDemoLogins(cfg.origin, logins);
		const secret = cfg.authSecret ?? (await ensureSetting(db, 'auth_secret', randomSecret));
		const auth = createAuth({ db, origin: cfg.origin, secret, ...authExtras });
		logger.info({ engine: database.engine, origin: cfg.origin }, 'Échoppe is ready');
		const stopMailer = cfg.smtpUrl ? startMailer(db, cfg.smtpUrl, cfg.mailFrom, cfg.mailPollMs, cfg.mailClaimSeconds) : null;
		const stopNotificationJobs = await startNotificationJobs(db, cfg, secret);
		const liveOrders = startLiveOrders(database, { databaseUrl: cfg.databaseUrl });
		const stopWebhooks = startWebhookDispatcher(db, { allowPrivate: cfg.webhookAllowPrivate, backoffSeconds: cfg.webhookBackoffSeconds });
		return {
			config: cfg,
			database,
			db,
			auth,
			secret,
			territories: territoryCache(db),
			stopMailer,
			stopNotificationJobs,
			stopWebhooks,
			liveOrders
		};
	})();
	return started;
}

export function appContext(): Promise<AppContext> {
	if (!started) throw new Error('startApp() has not been called');
	return started;
}

export async function stopApp(): Promise<void> {
	if (!started) return;
	const ctx = await started;
	started = undefined;
	await ctx.stopMailer?.();
	await ctx.stopNotificationJobs();
	await ctx.stopWebhooks();
	await ctx.liveOrders.close();
	await ctx.database.close();
}

/** The demo logins, when the demo territory is in this database (whoever seeded it). */
async function demoLoginsIfPresent(db: Db): Promise<DemoLogins | null> {
	const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, demoLogins.operator));
	return row ? demoLogins : null;
}

function printDemoLogins(origin: string, l: DemoLogins) {
	// Printed on purpose (demo accounts only, never real credentials).
	console.log(
		[
			'',
			`  Échoppe — ${origin}`,
			'  Comptes de démonstration / demo accounts (mot de passe / password: ' + l.password + ')',
			`    opérateur / operator : ${l.operator}  → ${origin}/admin`,
			`    commerçant / merchant: ${l.merchant}  → ${origin}/pro`,
			`    client / consumer    : ${l.consumer}`,
			''
		].join('\n')
	);
}
