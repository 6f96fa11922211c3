import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink } from 'better-auth/plugins';
import * as schema from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { authEmails } from './emails.ts';

export type AuthOptions = {
	db: Db;
	/** Public URL of the app; better-auth builds its links and checks origins with it. */
	origin: string;
	secret: string;
	/** Extra plugins, e.g. SvelteKit's cookie bridge (which must come last). */
	plugins?: BetterAuthPlugin[];
	/** Territory to which auth emails belong (for the outbox view). */
	territoryId?: () => string | null;
	/** Locale of the current request, for the emails' language. */
	locale?: () => 'fr' | 'en';
};

/**
 * The auth instance. A plain module, without SvelteKit imports, so tests and CLI commands build
 * the same instance as the server.
 */
export function createAuth(options: AuthOptions) {
	const { db } = options;
	const locale = () => options.locale?.() ?? 'fr';
	const territoryId = () => options.territoryId?.() ?? null;
	return betterAuth({
		appName: 'Échoppe',
		baseURL: options.origin,
		secret: options.secret,
		trustedOrigins: [options.origin],
		telemetry: { enabled: false },
		logger: { level: 'error' },
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: {
				user: schema.user,
				session: schema.session,
				account: schema.account,
				verification: schema.verification,
				rateLimit: schema.rateLimit
			}
		}),
		user: { additionalFields: { phone: { type: 'string', required: false, input: true } } },
		emailAndPassword: {
			enabled: true,
			minPasswordLength: 10,
			maxPasswordLength: 128,
			autoSignIn: true,
			sendResetPassword: async ({ user, url }) => {
				const mail = authEmails[locale()].reset(user.name, url);
				await queueEmail(db, { to: user.email, kind: 'password_reset', territoryId: territoryId(), ...mail });
			}
		},
		session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
		// better-auth's own limiter guards its HTTP endpoints; our form actions are guarded by
		// security/rate-limit.ts. Counters live in the database so every node sees them.
		rateLimit: { enabled: true, storage: 'database', modelName: 'rateLimit' },
		advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] } },
		plugins: [
			magicLink({
				expiresIn: 15 * 60,
				// A link signs in existing accounts only; accounts are created by the sign-up form.
				disableSignUp: true,
				sendMagicLink: async ({ email, url }) => {
					const mail = authEmails[locale()].magicLink(url);
					await queueEmail(db, { to: email, kind: 'magic_link', territoryId: territoryId(), ...mail });
				}
			}),
			...(options.plugins ?? [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
