import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import type { Database } from '../db/client.ts';
import { createAuth, type Auth } from './auth.ts';
import { signUp, signIn, sendMagicLink, requestPasswordReset, resetPassword, type AccountContext } from './accounts.ts';
import { user, outboxEmails } from '../db/schema/index.ts';
import { DomainError, InvalidInputError, TooManyRequestsError } from '../errors.ts';

let database: Database;
let auth: Auth;
const ctx = (over: Partial<AccountContext> = {}): AccountContext => ({
	db: database.db,
	auth,
	headers: new Headers(),
	locale: 'fr',
	clientAddress: '127.0.0.1',
	...over
});
const users = async () => Number((await database.db.select({ n: count() }).from(user))[0].n);

beforeAll(async () => {
	database = await testDatabase();
	auth = createAuth({ db: database.db, origin: 'http://localhost:3000', secret: 'test-secret-test-secret-test-secret-42' });
});
afterAll(async () => {
	await database.close();
});

describe('sign-up', () => {
	it('creates an account and a session', async () => {
		const result = await signUp(ctx(), { name: 'Marie Dupont', email: ' Marie@Exemple.fr ', password: 'un-bon-mot-de-passe' });
		expect(result.user.email).toBe('marie@exemple.fr');
		expect(result.token).toBeTruthy();
	});

	it('answers field-level French messages and writes nothing', async () => {
		const before = await users();
		const error = await signUp(ctx(), { name: '', email: 'pas-un-email', password: 'court' }).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect(error.fields.name).toEqual(['Ce champ est obligatoire.']);
		expect(error.fields.email[0]).toMatch(/adresse e-mail valide/);
		expect(error.fields.password[0]).toMatch(/au moins 10 caractères/);
		expect(await users()).toBe(before);
	});

	it('answers in English for an English visitor', async () => {
		const error = await signUp(ctx({ locale: 'en' }), { name: 'x', email: 'nope', password: 'longenough123' }).catch((e) => e);
		expect(error.fields.email[0]).toMatch(/valid email/);
	});

	it('refuses wrong types, huge and missing values without a crash', async () => {
		for (const bad of [
			null,
			'text',
			42,
			[],
			{ name: 'a'.repeat(1_000_000), email: 'a@b.fr', password: 'x'.repeat(10) },
			{ name: 1, email: 2, password: 3 }
		]) {
			await expect(signUp(ctx({ clientAddress: `bad-${Math.random()}` }), bad)).rejects.toBeInstanceOf(InvalidInputError);
		}
	});

	it('says clearly when the email already has an account', async () => {
		const error = await signUp(ctx({ clientAddress: '10.0.0.2' }), {
			name: 'Autre',
			email: 'marie@exemple.fr',
			password: 'un-autre-mot-de-passe'
		}).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect(error.fields.email[0]).toMatch(/existe déjà/);
	});
});

describe('sign-in', () => {
	it('accepts the right password and refuses a wrong one with a message', async () => {
		const ok = await signIn(ctx({ clientAddress: '10.0.0.3' }), { email: 'marie@exemple.fr', password: 'un-bon-mot-de-passe' });
		expect(ok.user.email).toBe('marie@exemple.fr');
		const error = await signIn(ctx({ clientAddress: '10.0.0.3' }), { email: 'marie@exemple.fr', password: 'mauvais-mot-de-passe' }).catch(
			(e) => e
		);
		expect(error).toBeInstanceOf(DomainError);
		expect(error.messageKey).toBe('signin_failed');
	});

	it('rate-limits 20 wrong passwords in a row, even from changing addresses', async () => {
		await signUp(ctx({ clientAddress: '10.0.1.1' }), { name: 'Cible', email: 'cible@exemple.fr', password: 'le-bon-mot-de-passe' });
		const outcomes: string[] = [];
		for (let i = 0; i < 20; i++) {
			const e = await signIn(ctx({ clientAddress: `10.9.0.${i}` }), { email: 'cible@exemple.fr', password: `faux-${i}-motdepasse` }).catch(
				(x) => x
			);
			outcomes.push(e instanceof TooManyRequestsError ? 'limited' : e instanceof DomainError ? 'wrong' : 'other');
		}
		expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(10);
		expect(outcomes.slice(10).every((o) => o === 'limited')).toBe(true);
		// Even the right password waits for the window to pass.
		await expect(
			signIn(ctx({ clientAddress: '10.9.1.1' }), { email: 'cible@exemple.fr', password: 'le-bon-mot-de-passe' })
		).rejects.toBeInstanceOf(TooManyRequestsError);
	});
});

describe('magic link and password reset', () => {
	it('emails a sign-in link to an existing account through the outbox', async () => {
		await sendMagicLink(ctx({ clientAddress: '10.0.2.1' }), { email: 'marie@exemple.fr' });
		const [mail] = await database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, 'marie@exemple.fr'));
		expect(mail.kind).toBe('magic_link');
		expect(mail.text).toMatch(/http:\/\/localhost:3000\/api\/auth\/magic-link\/verify\?token=/);
	});

	it('resets a password with the emailed token, once', async () => {
		await requestPasswordReset(ctx({ clientAddress: '10.0.3.1' }), { email: 'marie@exemple.fr' });
		const mails = await database.db.select().from(outboxEmails).where(eq(outboxEmails.kind, 'password_reset'));
		const token = /reset-password\/([^?\s]+)/.exec(mails[0].text)?.[1];
		expect(token).toBeTruthy();
		await resetPassword(ctx(), { token, password: 'tout-nouveau-mot-de-passe' });
		await expect(resetPassword(ctx(), { token, password: 'encore-un-autre-mdp' })).rejects.toMatchObject({ messageKey: 'reset_invalid' });
		const ok = await signIn(ctx({ clientAddress: '10.0.3.2' }), { email: 'marie@exemple.fr', password: 'tout-nouveau-mot-de-passe' });
		expect(ok.user.email).toBe('marie@exemple.fr');
	});
});
